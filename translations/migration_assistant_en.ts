<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>AssistedWindow</name>
        <message>
            <location filename="../app/ui/assisted.py" line="108" />
            <source>The journal cannot be read: {error}</source>
            <translation>The journal cannot be read: {error}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="111" />
            <source>The journal holds no migration yet.</source>
            <translation>The journal holds no migration yet.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="115" />
            <source>Run {id} ({status}), started {started}</source>
            <translation>Run {id} ({status}), started {started}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="117" />
            <source>finished</source>
            <translation>finished</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="117" />
            <source>unfinished</source>
            <translation>unfinished</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="120" />
            <source>Files per state: {counts}</source>
            <translation>Files per state: {counts}</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/assisted.py" line="121" />
            <source>Still to do: %n file(s)</source>
            <translation>
                <numerusform>Still to do: %n file</numerusform>
                <numerusform>Still to do: %n files</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="122" />
            <source>Bytes done: {done} of {total}</source>
            <translation>Bytes done: {done} of {total}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="161" />
            <source>Assisted session</source>
            <translation>Assisted session</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="165" />
            <source>Session code: {code}</source>
            <translation>Session code: {code}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="171" />
            <source>Quote this code to the service desk; it is in the log and the bundle.</source>
            <translation>Quote this code to the service desk; it is in the log and the bundle.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="177" />
            <source>&amp;Journal</source>
            <translation>&amp;Journal</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="178" />
            <source>The journal's state: files per state in the current run, and bytes.</source>
            <translation>The journal's state: files per state in the current run, and bytes.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="183" />
            <source>&amp;Problems (technical detail)</source>
            <translation>&amp;Problems (technical detail)</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="184" />
            <source>Warnings and errors so far, with the technical detail behind each.</source>
            <translation>Warnings and errors so far, with the technical detail behind each.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="190" />
            <source>Live &amp;log</source>
            <translation>Live &amp;log</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="191" />
            <source>The assistant's log as it is written, with secrets removed.</source>
            <translation>The assistant's log as it is written, with secrets removed.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="195" />
            <source>&amp;Save a support bundle...</source>
            <translation>&amp;Save a support bundle...</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="199" />
            <source>A zip for the service desk: the log, receipts and settings, with no tokens and no file contents</source>
            <translation>A zip for the service desk: the log, receipts and settings, with no tokens and no file contents</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="204" />
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="207" />
            <source>Close this window (Ctrl+Shift+A opens it again)</source>
            <translation>Close this window (Ctrl+Shift+A opens it again)</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="303" />
            <source>Save a support bundle</source>
            <translation>Save a support bundle</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="305" />
            <source>Zip file (*.zip)</source>
            <translation>Zip file (*.zip)</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="313" />
            <source>Saving the support bundle...</source>
            <translation>Saving the support bundle...</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="360" />
            <source>The support bundle could not be saved</source>
            <translation>The support bundle could not be saved</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="361" />
            <source>Nothing could be written to {path}.</source>
            <translation>Nothing could be written to {path}.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="362" />
            <source>Choose another folder, for example your Documents.</source>
            <translation>Choose another folder, for example your Documents.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="370" />
            <source>Support bundle saved to {path}</source>
            <translation>Support bundle saved to {path}</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="29" />
            <source>Ready to move your files</source>
            <translation>Ready to move your files</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="37" />
            <source>You can pause at any time, or close the assistant: it continues where it left off next time.</source>
            <translation>You can pause at any time, or close the assistant: it continues where it left off next time.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="42" />
            <source>Start &amp;moving</source>
            <translation>Start &amp;moving</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="49" />
            <source>Preparing the list of files to move...</source>
            <translation>Preparing the list of files to move...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="67" />
            <source>Your files will go to the folder "{folder}" in your OneDrive.</source>
            <translation>Your files will go to the folder "{folder}" in your OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="68" />
            <source>(the top of your OneDrive)</source>
            <translation>(the top of your OneDrive)</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="73" />
            <source>To move: {what}.</source>
            <translation>To move: {what}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="82" />
            <source>✔ This fits: your OneDrive has {free} free.</source>
            <translation>✔ This fits: your OneDrive has {free} free.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="90" />
            <source>⚠ This does not fit: your OneDrive has only {free} free. Go back and leave some files on the H: drive, or ask the service desk for more space.</source>
            <translation>⚠ This does not fit: your OneDrive has only {free} free. Go back and leave some files on the H: drive, or ask the service desk for more space.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="96" />
            <source>The free space in your OneDrive is not known.</source>
            <translation>The free space in your OneDrive is not known.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="99" />
            <source>Estimated time: {time}.</source>
            <translation>Estimated time: {time}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="106" />
            <source>{left} will be left on your H: drive, not deleted. They are listed in your receipt; at the end you can choose to delete them.</source>
            <translation>{left} will be left on your H: drive, not deleted. They are listed in your receipt; at the end you can choose to delete them.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/confirm.py" line="110" />
            <source>%n file(s) cannot move and stay where they are.</source>
            <translation>
                <numerusform>%n file cannot move and stay where they are.</numerusform>
                <numerusform>%n files cannot move and stay where they are.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <location filename="../app/ui/pages/done.py" line="44" />
            <source>Your receipt</source>
            <translation>Your receipt</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="47" />
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="52" />
            <source>&amp;Open my OneDrive folder</source>
            <translation>&amp;Open my OneDrive folder</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="52" />
            <source>Opens OneDrive in your web browser</source>
            <translation>Opens OneDrive in your web browser</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="55" />
            <source>&amp;Save the receipt...</source>
            <translation>&amp;Save the receipt...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="58" />
            <source>&amp;Delete the left-behind files from my H: drive...</source>
            <translation>&amp;Delete the left-behind files from my H: drive...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="59" />
            <source>Asks you to confirm, with the full list, before deleting anything</source>
            <translation>Asks you to confirm, with the full list, before deleting anything</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="67" />
            <source>&amp;Check this laptop before I hand it back...</source>
            <translation>&amp;Check this laptop before I hand it back...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="68" />
            <source>Lists files on this laptop that are not in your OneDrive</source>
            <translation>Lists files on this laptop that are not in your OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="81" />
            <source>Preparing your receipt...</source>
            <translation>Preparing your receipt...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="164" />
            <source>Save the receipt</source>
            <translation>Save the receipt</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="166" />
            <source>Web page (*.html);;Spreadsheet (*.csv);;Text (*.txt)</source>
            <translation>Web page (*.html);;Spreadsheet (*.csv);;Text (*.txt)</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="191" />
            <source>Receipt saved to {path}</source>
            <translation>Receipt saved to {path}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="201" />
            <source>Delete files from your H: drive?</source>
            <translation>Delete files from your H: drive?</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="204" />
            <source>This permanently deletes {what} from your H: drive. They are the files the retention guidance (or you) chose not to move. They are not in OneDrive.</source>
            <translation>This permanently deletes {what} from your H: drive. They are the files the retention guidance (or you) chose not to move. They are not in OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="208" />
            <source>The full list is under Show Details.</source>
            <translation>The full list is under Show Details.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/done.py" line="211" />
            <source>Delete %n file(s)</source>
            <translation>
                <numerusform>Delete %n file</numerusform>
                <numerusform>Delete %n files</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="213" />
            <source>Keep them</source>
            <translation>Keep them</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="228" />
            <source>Deleting...</source>
            <translation>Deleting...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="245" />
            <source>Deleted {what} from your H: drive.</source>
            <translation>Deleted {what} from your H: drive.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/done.py" line="249" />
            <source>%n file(s) could not be deleted:</source>
            <translation>
                <numerusform>%n file could not be deleted:</numerusform>
                <numerusform>%n files could not be deleted:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/done.py" line="253" />
            <source>%n file(s) were kept because they are no longer as they were when scanned:</source>
            <translation>
                <numerusform>%n file were kept because they are no longer as they were when scanned:</numerusform>
                <numerusform>%n files were kept because they are no longer as they were when scanned:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../app/core/hand_back.py" line="171" />
            <source>The hand-back check could not be saved</source>
            <translation>The hand-back check could not be saved</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back.py" line="172" />
            <source>Nothing could be written to {target}.</source>
            <translation>Nothing could be written to {target}.</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back.py" line="173" />
            <source>Choose another file name, for example one in your Documents folder.</source>
            <translation>Choose another file name, for example one in your Documents folder.</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back.py" line="395" />
            <source>same size, different contents</source>
            <translation>same size, different contents</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="27" />
            <source>Desktop</source>
            <translation>Desktop</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="28" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="29" />
            <source>Downloads</source>
            <translation>Downloads</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="30" />
            <source>Pictures</source>
            <translation>Pictures</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="34" />
            <source>H: drive (offline copy on this laptop)</source>
            <translation>H: drive (offline copy on this laptop)</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="39" />
            <source>The folder you chose, {given}, does not exist or is not a folder that can be opened.</source>
            <translation>The folder you chose, {given}, does not exist or is not a folder that can be opened.</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="43" />
            <source>Check the spelling of the path, or choose the folder again. If it is on the network, make sure you are connected (in the office or on the VPN).</source>
            <translation>Check the spelling of the path, or choose the folder again. If it is on the network, make sure you are connected (in the office or on the VPN).</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="48" />
            <source>Your H: drive could not be found. Looked at: {looked_at}.</source>
            <translation>Your H: drive could not be found. Looked at: {looked_at}.</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="49" />
            <source>Connect to the force network (in the office or on the VPN) and try again, or choose your H: drive folder yourself (in the assistant, or with --source PATH on the command line).</source>
            <translation>Connect to the force network (in the office or on the VPN) and try again, or choose your H: drive folder yourself (in the assistant, or with --source PATH on the command line).</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="55" />
            <source>H: drive not found</source>
            <translation>H: drive not found</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="68" />
            <source>H: drive cannot be read</source>
            <translation>H: drive cannot be read</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="69" />
            <source>The assistant could not open {root} to see what is in it.</source>
            <translation>The assistant could not open {root} to see what is in it.</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="70" />
            <source>Check that you can open this folder in File Explorer. If you cannot, ask the service desk to check your permissions on your H: drive.</source>
            <translation>Check that you can open this folder in File Explorer. If you cannot, ask the service desk to check your permissions on your H: drive.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="34" />
            <source>Another window of the H: drive migration assistant, or a command-line migration, is already working on your migration (process {holder}).</source>
            <translation>Another window of the H: drive migration assistant, or a command-line migration, is already working on your migration (process {holder}).</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="39" />
            <source>Another window of the H: drive migration assistant, or a command-line migration, is already working on your migration.</source>
            <translation>Another window of the H: drive migration assistant, or a command-line migration, is already working on your migration.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="45" />
            <source>The assistant is already running</source>
            <translation>The assistant is already running</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="47" />
            <source>Finish or close the other one first, then start the assistant again.</source>
            <translation>Finish or close the other one first, then start the assistant again.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="59" />
            <source>The migration journal cannot be written</source>
            <translation>The migration journal cannot be written</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="60" />
            <source>{path} cannot be written: the disk may be full, or the folder read-only.</source>
            <translation>{path} cannot be written: the disk may be full, or the folder read-only.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="61" />
            <source>Free some space on this computer (or ask IT to), then start again: nothing is lost, and the migration continues where it stopped.</source>
            <translation>Free some space on this computer (or ask IT to), then start again: nothing is lost, and the migration continues where it stopped.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="77" />
            <source>The migration journal is from a newer version of the assistant</source>
            <translation>The migration journal is from a newer version of the assistant</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="78" />
            <source>{path} was written by a newer version of the H: drive migration assistant than this one, which cannot read it. The file has been left as it is.</source>
            <translation>{path} was written by a newer version of the H: drive migration assistant than this one, which cannot read it. The file has been left as it is.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="82" />
            <source>Use the newer version of the assistant (the one that started this migration) to continue, or ask the service desk for it.</source>
            <translation>Use the newer version of the assistant (the one that started this migration) to continue, or ask the service desk for it.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="98" />
            <source>The migration journal could not be read</source>
            <translation>The migration journal could not be read</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="99" />
            <source>{path} cannot be read: {why}. It has been left as it is.</source>
            <translation>{path} cannot be read: {why}. It has been left as it is.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="100" />
            <source>Send the support bundle to the service desk; the file is not changed.</source>
            <translation>Send the support bundle to the service desk; the file is not changed.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_records.py" line="45" />
            <source>{path} cannot be used: {why}. It was kept as {moved_to}.</source>
            <translation>{path} cannot be used: {why}. It was kept as {moved_to}.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_records.py" line="47" />
            <source>{path} cannot be used: {why}.</source>
            <translation>{path} cannot be used: {why}.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_records.py" line="48" />
            <source>Start the migration again: files already in OneDrive are recognised and not sent twice. Keep the old file if IT asks for it.</source>
            <translation>Start the migration again: files already in OneDrive are recognised and not sent twice. Keep the old file if IT asks for it.</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="47" />
            <source>That choice is not allowed</source>
            <translation>That choice is not allowed</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="49" />
            <source>Keep the guidance for this file, or ask your records manager.</source>
            <translation>Keep the guidance for this file, or ask your records manager.</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="127" />
            <source>The OneDrive folder cannot be used</source>
            <translation>The OneDrive folder cannot be used</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="128" />
            <source>The destination folder "{folder}" has a part OneDrive cannot use ("{part}").</source>
            <translation>The destination folder "{folder}" has a part OneDrive cannot use ("{part}").</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="129" />
            <source>Ask IT to correct onedrive.destination_folder in the settings.</source>
            <translation>Ask IT to correct onedrive.destination_folder in the settings.</translation>
        </message>
        <message>
            <location filename="../app/core/policy.py" line="73" />
            <source>The retention policy cannot be used</source>
            <translation>The retention policy cannot be used</translation>
        </message>
        <message>
            <location filename="../app/core/policy.py" line="75" />
            <source>Ask IT to correct the retention policy file. The assistant will not guess what the policy means.</source>
            <translation>Ask IT to correct the retention policy file. The assistant will not guess what the policy means.</translation>
        </message>
        <message>
            <location filename="../app/core/receipt_files.py" line="58" />
            <source>The receipt could not be saved</source>
            <translation>The receipt could not be saved</translation>
        </message>
        <message>
            <location filename="../app/core/receipt_files.py" line="60" />
            <source>Save the receipt somewhere else from the last page, for example your Documents.</source>
            <translation>Save the receipt somewhere else from the last page, for example your Documents.</translation>
        </message>
        <message>
            <location filename="../app/core/reports.py" line="291" />
            <source>The report could not be saved</source>
            <translation>The report could not be saved</translation>
        </message>
        <message>
            <location filename="../app/core/reports.py" line="293" />
            <source>Choose another folder, for example your Documents folder.</source>
            <translation>Choose another folder, for example your Documents folder.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="41" />
            <source>Another account's migration</source>
            <translation>Another account's migration</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="42" />
            <source>The unfinished migration belongs to {run_account}, but you are signed in as {username}.</source>
            <translation>The unfinished migration belongs to {run_account}, but you are signed in as {username}.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="46" />
            <source>Sign in as that account to continue it.</source>
            <translation>Sign in as that account to continue it.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="76" />
            <source>A different folder</source>
            <translation>A different folder</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="77" />
            <source>The unfinished migration is of {source}, not of {chosen}.</source>
            <translation>The unfinished migration is of {source}, not of {chosen}.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="78" />
            <source>Continue it without choosing a folder, or finish it first.</source>
            <translation>Continue it without choosing a folder, or finish it first.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="83" />
            <source>The H: drive folder is not there</source>
            <translation>The H: drive folder is not there</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="84" />
            <source>The unfinished migration is of {source}, which cannot be found now.</source>
            <translation>The unfinished migration is of {source}, which cannot be found now.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="85" />
            <source>Connect to the network (or the VPN) so that the folder is there, then try again.</source>
            <translation>Connect to the network (or the VPN) so that the folder is there, then try again.</translation>
        </message>
        <message>
            <location filename="../app/m365/auth.py" line="138" />
            <source>Cannot reach the sign-in service</source>
            <translation>Cannot reach the sign-in service</translation>
        </message>
        <message>
            <location filename="../app/m365/auth.py" line="139" />
            <source>The Microsoft sign-in service did not answer as expected.</source>
            <translation>The Microsoft sign-in service did not answer as expected.</translation>
        </message>
        <message>
            <location filename="../app/m365/auth.py" line="140" />
            <source>Check the network, then try again. If it persists, contact the service desk.</source>
            <translation>Check the network, then try again. If it persists, contact the service desk.</translation>
        </message>
        <message>
            <location filename="../app/m365/bandwidth.py" line="28" />
            <source>The full-bandwidth hours are not valid</source>
            <translation>The full-bandwidth hours are not valid</translation>
        </message>
        <message>
            <location filename="../app/m365/bandwidth.py" line="29" />
            <source>'{text}' should look like 18:00-07:00.</source>
            <translation>'{text}' should look like 18:00-07:00.</translation>
        </message>
        <message>
            <location filename="../app/m365/bandwidth.py" line="30" />
            <source>Fix upload.full_bandwidth_hours in the settings, or leave it empty.</source>
            <translation>Fix upload.full_bandwidth_hours in the settings, or leave it empty.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="20" />
            <source>Not found in OneDrive</source>
            <translation>Not found in OneDrive</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="21" />
            <source>OneDrive could not find the file or folder it was asked about.</source>
            <translation>OneDrive could not find the file or folder it was asked about.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="22" />
            <source>Try again. If it keeps happening, contact the service desk.</source>
            <translation>Try again. If it keeps happening, contact the service desk.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="25" />
            <source>Name already in use</source>
            <translation>Name already in use</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="26" />
            <source>A file or folder with this name already exists in that OneDrive folder.</source>
            <translation>A file or folder with this name already exists in that OneDrive folder.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="27" />
            <source>Rename or remove the existing item in OneDrive, then try again.</source>
            <translation>Rename or remove the existing item in OneDrive, then try again.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="30" />
            <source>OneDrive is full</source>
            <translation>OneDrive is full</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="31" />
            <source>There is not enough free space in your OneDrive for these files.</source>
            <translation>There is not enough free space in your OneDrive for these files.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="32" />
            <source>Free some space in OneDrive or ask the service desk for more, then resume.</source>
            <translation>Free some space in OneDrive or ask the service desk for more, then resume.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="40" />
            <source>Access denied</source>
            <translation>Access denied</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="41" />
            <source>Your account is not allowed to do this in OneDrive.</source>
            <translation>Your account is not allowed to do this in OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="42" />
            <source>Check you signed in with your own work account, or contact the service desk.</source>
            <translation>Check you signed in with your own work account, or contact the service desk.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="45" />
            <source>Item is locked</source>
            <translation>Item is locked</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="46" />
            <source>The item is locked in OneDrive (for example, open for editing or on hold).</source>
            <translation>The item is locked in OneDrive (for example, open for editing or on hold).</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="47" />
            <source>Close the file wherever it is open and try again later.</source>
            <translation>Close the file wherever it is open and try again later.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="55" />
            <source>Microsoft 365 is busy</source>
            <translation>Microsoft 365 is busy</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="56" />
            <source>Microsoft 365 asked us to slow down, and it did not recover in time.</source>
            <translation>Microsoft 365 asked us to slow down, and it did not recover in time.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="57" />
            <source>Wait a few minutes and resume; nothing already moved is lost.</source>
            <translation>Wait a few minutes and resume; nothing already moved is lost.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="60" />
            <source>Request rejected</source>
            <translation>Request rejected</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="61" />
            <source>OneDrive rejected a request from this app.</source>
            <translation>OneDrive rejected a request from this app.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="65" />
            <source>File blocked as unsafe</source>
            <translation>File blocked as unsafe</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="66" />
            <source>OneDrive found something harmful in a file and refused it.</source>
            <translation>OneDrive found something harmful in a file and refused it.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="67" />
            <source>Contact the service desk before moving this file.</source>
            <translation>Contact the service desk before moving this file.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="70" />
            <source>OneDrive is unavailable</source>
            <translation>OneDrive is unavailable</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="71" />
            <source>OneDrive is not available right now.</source>
            <translation>OneDrive is not available right now.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="75" />
            <source>Signed out</source>
            <translation>Signed out</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="76" />
            <source>Microsoft 365 no longer accepts your sign-in.</source>
            <translation>Microsoft 365 no longer accepts your sign-in.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="77" />
            <source>Sign in again, then resume.</source>
            <translation>Sign in again, then resume.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="94" />
            <source>OneDrive problem</source>
            <translation>OneDrive problem</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="95" />
            <source>OneDrive could not complete a request.</source>
            <translation>OneDrive could not complete a request.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="96" />
            <source>Try again. If it keeps happening, contact the service desk with the log.</source>
            <translation>Try again. If it keeps happening, contact the service desk with the log.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="159" />
            <source>Cannot reach Microsoft 365</source>
            <translation>Cannot reach Microsoft 365</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="160" />
            <source>This computer cannot reach Microsoft 365 right now.</source>
            <translation>This computer cannot reach Microsoft 365 right now.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="161" />
            <source>Check you are connected to the network (and VPN, if you use one), then try again.</source>
            <translation>Check you are connected to the network (and VPN, if you use one), then try again.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="235" />
            <source>Sign-in failed</source>
            <translation>Sign-in failed</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="236" />
            <source>Microsoft 365 did not sign you in.</source>
            <translation>Microsoft 365 did not sign you in.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="252" />
            <source>Please sign in again</source>
            <translation>Please sign in again</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="253" />
            <source>Your sign-in has expired or was removed.</source>
            <translation>Your sign-in has expired or was removed.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="254" />
            <source>Sign in with your work account to continue.</source>
            <translation>Sign in with your work account to continue.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="264" />
            <source>Sign-in cancelled</source>
            <translation>Sign-in cancelled</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="265" />
            <source>Sign-in was stopped before it finished.</source>
            <translation>Sign-in was stopped before it finished.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="266" />
            <source>Sign in to continue.</source>
            <translation>Sign in to continue.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="276" />
            <source>Sign-in timed out</source>
            <translation>Sign-in timed out</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="277" />
            <source>Sign-in was not completed within {minutes} minutes.</source>
            <translation>Sign-in was not completed within {minutes} minutes.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="279" />
            <source>Sign-in was not completed within 1 minute.</source>
            <translation>Sign-in was not completed within 1 minute.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="280" />
            <source>Start the sign-in again and complete it in the browser window that opens.</source>
            <translation>Start the sign-in again and complete it in the browser window that opens.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="291" />
            <source>Sign-in with a code is not allowed</source>
            <translation>Sign-in with a code is not allowed</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="292" />
            <source>Your organisation has turned off signing in with a code on another device.</source>
            <translation>Your organisation has turned off signing in with a code on another device.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="293" />
            <source>Use 'Sign in with the browser' on this computer instead.</source>
            <translation>Use 'Sign in with the browser' on this computer instead.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="304" />
            <source>The app is not set up yet</source>
            <translation>The app is not set up yet</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="305" />
            <source>This computer's settings do not say which {missing} to use for Microsoft 365.</source>
            <translation>This computer's settings do not say which {missing} to use for Microsoft 365.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="306" />
            <source>Contact the service desk: the organisation settings file needs to be installed.</source>
            <translation>Contact the service desk: the organisation settings file needs to be installed.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="180" />
            <source>Secure connection failed</source>
            <translation>Secure connection failed</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="181" />
            <source>The connection to Microsoft 365 could not be verified as secure.</source>
            <translation>The connection to Microsoft 365 could not be verified as secure.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="182" />
            <source>If you are on a public or hotel network, try another network; otherwise contact the service desk.</source>
            <translation>If you are on a public or hotel network, try another network; otherwise contact the service desk.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="311" />
            <source>A file is in the way</source>
            <translation>A file is in the way</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="312" />
            <source>OneDrive already has a file called '{name}' where a folder is needed.</source>
            <translation>OneDrive already has a file called '{name}' where a folder is needed.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="313" />
            <source>Rename or move that file in OneDrive, then resume.</source>
            <translation>Rename or move that file in OneDrive, then resume.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="95" />
            <source>The receipt is too large to put in OneDrive; it is saved here.</source>
            <translation>The receipt is too large to put in OneDrive; it is saved here.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="114" />
            <source>OneDrive did not store the receipt as it was sent.</source>
            <translation>OneDrive did not store the receipt as it was sent.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="117" />
            <source>Stopped before the receipt was sent.</source>
            <translation>Stopped before the receipt was sent.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="123" />
            <source>OneDrive's answer could not be read.</source>
            <translation>OneDrive's answer could not be read.</translation>
        </message>
        <message>
            <location filename="../app/m365/retention_labels.py" line="72" />
            <source>Retention labels were not set</source>
            <translation>Retention labels were not set</translation>
        </message>
        <message>
            <location filename="../app/m365/retention_labels.py" line="73" />
            <source>Your files are in OneDrive, but their retention labels could not be set now.</source>
            <translation>Your files are in OneDrive, but their retention labels could not be set now.</translation>
        </message>
        <message>
            <location filename="../app/m365/retention_labels.py" line="74" />
            <source>Continue the migration later (resume) to set the labels still missing.</source>
            <translation>Continue the migration later (resume) to set the labels still missing.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="17" />
            <source>Blocked by your organisation</source>
            <translation>Blocked by your organisation</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="18" />
            <source>Your organisation's sign-in rules do not allow this sign-in from here.</source>
            <translation>Your organisation's sign-in rules do not allow this sign-in from here.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="19" />
            <source>Try on your work laptop on the work network, or contact the service desk.</source>
            <translation>Try on your work laptop on the work network, or contact the service desk.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="22" />
            <source>Not allowed to use this app</source>
            <translation>Not allowed to use this app</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="23" />
            <source>Your account has not been given access to the migration assistant.</source>
            <translation>Your account has not been given access to the migration assistant.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="24" />
            <source>Contact the service desk and ask for access to the H: drive migration assistant.</source>
            <translation>Contact the service desk and ask for access to the H: drive migration assistant.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="27" />
            <source>App not approved</source>
            <translation>App not approved</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="28" />
            <source>Your organisation has not approved this app for your account yet.</source>
            <translation>Your organisation has not approved this app for your account yet.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="29" />
            <source>Contact the service desk: an administrator needs to grant consent.</source>
            <translation>Contact the service desk: an administrator needs to grant consent.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="32" />
            <source>The app is not set up correctly</source>
            <translation>The app is not set up correctly</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="33" />
            <source>Microsoft 365 does not recognise this app's registration.</source>
            <translation>Microsoft 365 does not recognise this app's registration.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="34" />
            <source>Contact the service desk: the organisation settings need checking.</source>
            <translation>Contact the service desk: the organisation settings need checking.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="38" />
            <source>The app registration does not allow sign-in from a desktop app.</source>
            <translation>The app registration does not allow sign-in from a desktop app.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="39" />
            <source>Contact the service desk: 'Allow public client flows' must be enabled.</source>
            <translation>Contact the service desk: 'Allow public client flows' must be enabled.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="43" />
            <source>Microsoft 365 does not recognise the organisation (tenant) in the settings.</source>
            <translation>Microsoft 365 does not recognise the organisation (tenant) in the settings.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="74" />
            <source>Sign-in not completed</source>
            <translation>Sign-in not completed</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="75" />
            <source>The sign-in was declined or closed before it finished.</source>
            <translation>The sign-in was declined or closed before it finished.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="76" />
            <source>Sign in again when you are ready.</source>
            <translation>Sign in again when you are ready.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="82" />
            <source>Sign-in declined</source>
            <translation>Sign-in declined</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="83" />
            <source>The sign-in with a code was declined on the other device.</source>
            <translation>The sign-in with a code was declined on the other device.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="84" />
            <source>Start again and accept the sign-in on the other device.</source>
            <translation>Start again and accept the sign-in on the other device.</translation>
        </message>
        <message>
            <location filename="../app/m365/upload_outcomes.py" line="64" />
            <source>Unexpected answer from OneDrive</source>
            <translation>Unexpected answer from OneDrive</translation>
        </message>
        <message>
            <location filename="../app/m365/upload_outcomes.py" line="65" />
            <source>OneDrive sent an answer this app could not understand, so this file was not moved.</source>
            <translation>OneDrive sent an answer this app could not understand, so this file was not moved.</translation>
        </message>
        <message>
            <location filename="../app/m365/upload_outcomes.py" line="66" />
            <source>Choose Try again. If it keeps happening, contact the service desk with the log.</source>
            <translation>Choose Try again. If it keeps happening, contact the service desk with the log.</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="39" />
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln file</numerusform>
                <numerusform>%Ln files</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/formatting.py" line="43" />
            <source>{files}, {size}</source>
            <translation>{files}, {size}</translation>
        </message>
        <message>
            <location filename="../app/ui/formatting.py" line="49" />
            <location filename="../app/ui/formatting.py" line="57" />
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <location filename="../app/ui/formatting.py" line="59" />
            <source>less than a minute</source>
            <translation>less than a minute</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="62" />
            <source>about %n minute(s)</source>
            <translation>
                <numerusform>about %n minute</numerusform>
                <numerusform>about %n minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="70" />
            <location filename="../app/ui/formatting.py" line="74" />
            <source>about %n hour(s)</source>
            <translation>
                <numerusform>about %n hour</numerusform>
                <numerusform>about %n hours</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/formatting.py" line="71" />
            <source>about {hours} and {minutes}</source>
            <translation>about {hours} and {minutes}</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="72" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="72" />
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HandBackDialog</name>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="79" />
            <source>Check this laptop before you hand it back</source>
            <translation>Check this laptop before you hand it back</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="84" />
            <source>Your old laptop will be wiped. This check looks at the folders below and lists every file that is not in your OneDrive with exactly the same contents, so nothing of yours is left only on this laptop.</source>
            <translation>Your old laptop will be wiped. This check looks at the folders below and lists every file that is not in your OneDrive with exactly the same contents, so nothing of yours is left only on this laptop.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="92" />
            <source>&amp;Folders to check:</source>
            <translation>&amp;Folders to check:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="96" />
            <source>This laptop's folders that the check looks at</source>
            <translation>This laptop's folders that the check looks at</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="103" />
            <source>&amp;Add a folder...</source>
            <translation>&amp;Add a folder...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="103" />
            <source>Choose another folder on this laptop to check</source>
            <translation>Choose another folder on this laptop to check</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="107" />
            <source>&amp;Check now</source>
            <translation>&amp;Check now</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="107" />
            <source>Compares every file with your OneDrive</source>
            <translation>Compares every file with your OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="110" />
            <source>&amp;Stop</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="110" />
            <source>Stops the check</source>
            <translation>Stops the check</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="120" />
            <location filename="../app/ui/pages/hand_back.py" line="267" />
            <source>Check result</source>
            <translation>Check result</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="122" />
            <source>&amp;Files not safely in OneDrive:</source>
            <translation>&amp;Files not safely in OneDrive:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="126" />
            <source>One row per file: where it is on this laptop, its status, and OneDrive's</source>
            <translation>One row per file: where it is on this laptop, its status, and OneDrive's</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="129" />
            <source>File on this laptop</source>
            <translation>File on this laptop</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="129" />
            <source>In OneDrive</source>
            <translation>In OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="129" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="140" />
            <source>&amp;Move them with the assistant</source>
            <translation>&amp;Move them with the assistant</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="141" />
            <source>Closes this window and starts moving the first folder with files at risk</source>
            <translation>Closes this window and starts moving the first folder with files at risk</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="147" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="172" />
            <source>No folders found on this laptop. Add the folders to check.</source>
            <translation>No folders found on this laptop. Add the folders to check.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="183" />
            <source>Choose a folder to check</source>
            <translation>Choose a folder to check</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="194" />
            <source>Checking...</source>
            <translation>Checking...</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/hand_back.py" line="212" />
            <source>Checked %n file(s)...</source>
            <translation>
                <numerusform>Checked %n file...</numerusform>
                <numerusform>Checked %n files...</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="227" />
            <source>Not in OneDrive</source>
            <translation>Not in OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="228" />
            <source>Different in OneDrive</source>
            <translation>Different in OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="229" />
            <source>Could not be read</source>
            <translation>Could not be read</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/hand_back.py" line="240" />
            <source>All %n file(s) are safely in your OneDrive. Nothing is left only on this laptop: you can hand it back.</source>
            <translation>
                <numerusform>All %n file are safely in your OneDrive. Nothing is left only on this laptop: you can hand it back.</numerusform>
                <numerusform>All %n files are safely in your OneDrive. Nothing is left only on this laptop: you can hand it back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/hand_back.py" line="246" />
            <source>%n file(s) are not safely in your OneDrive.</source>
            <translation>
                <numerusform>%n file are not safely in your OneDrive.</numerusform>
                <numerusform>%n files are not safely in your OneDrive.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="248" />
            <source>The check was stopped before the end.</source>
            <translation>The check was stopped before the end.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="250" />
            <source>The first {shown} are listed.</source>
            <translation>The first {shown} are listed.</translation>
        </message>
    </context>
    <context>
        <name>MigrationWizard</name>
        <message>
            <location filename="../app/ui/wizard.py" line="36" />
            <source>Practice mode</source>
            <translation>Practice mode</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="75" />
            <source>&amp;Back</source>
            <translation>&amp;Back</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="76" />
            <source>&amp;Next</source>
            <translation>&amp;Next</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="77" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="78" />
            <source>&amp;Finish</source>
            <translation>&amp;Finish</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="85" />
            <source>Go to the next step</source>
            <translation>Go to the next step</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="88" />
            <source>Go back one step</source>
            <translation>Go back one step</translation>
        </message>
    </context>
    <context>
        <name>ProgressPage</name>
        <message>
            <location filename="../app/ui/pages/progress.py" line="43" />
            <source>{percent} percent, {done} of {total} files</source>
            <translation>{percent} percent, {done} of {total} files</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="47" />
            <source>{time} left</source>
            <translation>{time} left</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="53" />
            <source>Moving your files</source>
            <translation>Moving your files</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="59" />
            <source>Overall progress</source>
            <translation>Overall progress</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="68" />
            <location filename="../app/ui/pages/progress.py" line="163" />
            <location filename="../app/ui/pages/progress.py" line="302" />
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="68" />
            <source>Pause after the current pieces</source>
            <translation>Pause after the current pieces</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="72" />
            <source>S&amp;top for now</source>
            <translation>S&amp;top for now</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="72" />
            <source>Stop safely; you can continue later</source>
            <translation>Stop safely; you can continue later</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="75" />
            <source>&amp;Read progress</source>
            <translation>&amp;Read progress</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="75" />
            <source>Ctrl+R reads it aloud</source>
            <translation>Ctrl+R reads it aloud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="79" />
            <source>Receipt so &amp;far</source>
            <translation>Receipt so &amp;far</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="80" />
            <source>Saves the receipt of what has moved until now, in Documents and OneDrive</source>
            <translation>Saves the receipt of what has moved until now, in Documents and OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="88" />
            <source>Moving now:</source>
            <translation>Moving now:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="90" />
            <source>Files moving now</source>
            <translation>Files moving now</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="93" />
            <source>Needing attention:</source>
            <translation>Needing attention:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="95" />
            <source>Files needing attention, with what to do</source>
            <translation>Files needing attention, with what to do</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="113" />
            <source>Every step</source>
            <translation>Every step</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="114" />
            <source>At 25, 50 and 75 percent</source>
            <translation>At 25, 50 and 75 percent</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="115" />
            <source>Only at the end</source>
            <translation>Only at the end</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="120" />
            <source>&amp;Announce progress:</source>
            <translation>&amp;Announce progress:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="123" />
            <source>How often a screen reader hears how far the move has got</source>
            <translation>How often a screen reader hears how far the move has got</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="164" />
            <source>Starting...</source>
            <translation>Starting...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="209" />
            <source>{words}. {done} of {total} moved.</source>
            <translation>{words}. {done} of {total} moved.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="216" />
            <source>Done: {done}. Waiting: {waiting}. Needing attention: {failed}.</source>
            <translation>Done: {done}. Waiting: {waiting}. Needing attention: {failed}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="229" />
            <source>Setting retention labels: {done} of {total}</source>
            <translation>Setting retention labels: {done} of {total}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="303" />
            <source>Resumed.</source>
            <translation>Resumed.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="306" />
            <source>&amp;Resume</source>
            <translation>&amp;Resume</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="307" />
            <source>Paused.</source>
            <translation>Paused.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="339" />
            <source>Finished moving your files. Press Next for your receipt.</source>
            <translation>Finished moving your files. Press Next for your receipt.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="357" />
            <source>Stopped safely. Nothing is lost: next time the assistant offers to continue.</source>
            <translation>Stopped safely. Nothing is lost: next time the assistant offers to continue.</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <location filename="../app/ui/receipt.py" line="51" />
            <source>Moved {moved} to OneDrive.</source>
            <translation>Moved {moved} to OneDrive.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/receipt.py" line="55" />
            <source>%n file(s) need your attention.</source>
            <translation>
                <numerusform>%n file need your attention.</numerusform>
                <numerusform>%n files need your attention.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="59" />
            <source>Account: {a}</source>
            <translation>Account: {a}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="59" />
            <source>H: drive migration receipt</source>
            <translation>H: drive migration receipt</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="60" />
            <source>OneDrive folder: {d}</source>
            <translation>OneDrive folder: {d}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="74" />
            <source>Deleted from the H: drive afterwards: {what}</source>
            <translation>Deleted from the H: drive afterwards: {what}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="116" />
            <source>Your receipt is saved in {folder}.</source>
            <translation>Your receipt is saved in {folder}.</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="119" />
            <source>The receipt could not be saved on this computer: {why}</source>
            <translation>The receipt could not be saved on this computer: {why}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="125" />
            <source>A copy is in your OneDrive: {names}.</source>
            <translation>A copy is in your OneDrive: {names}.</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="129" />
            <source>{name} could not be put in OneDrive: {why}</source>
            <translation>{name} could not be put in OneDrive: {why}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="155" />
            <source>Moved to OneDrive and checked</source>
            <translation>Moved to OneDrive and checked</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="156" />
            <source>Left on your H: drive</source>
            <translation>Left on your H: drive</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="157" />
            <source>Cannot move</source>
            <translation>Cannot move</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="158" />
            <source>Needing attention</source>
            <translation>Needing attention</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="180" />
            <source>Already in OneDrive with the same content</source>
            <translation>Already in OneDrive with the same content</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="182" />
            <source>Renamed for OneDrive</source>
            <translation>Renamed for OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="184" />
            <source>Your choice</source>
            <translation>Your choice</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="187" />
            <source>Could not be moved</source>
            <translation>Could not be moved</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="189" />
            <source>Not moved yet: continue the migration to finish</source>
            <translation>Not moved yet: continue the migration to finish</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../app/ui/review_common.py" line="35" />
            <source>will move</source>
            <translation>will move</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="36" />
            <source>please review</source>
            <translation>please review</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="37" />
            <source>will be discarded</source>
            <translation>will be discarded</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="38" />
            <source>cannot move</source>
            <translation>cannot move</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="65" />
            <source>Cannot move</source>
            <translation>Cannot move</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="68" />
            <source>Will move (please review)</source>
            <translation>Will move (please review)</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="69" />
            <source>Will move</source>
            <translation>Will move</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="71" />
            <source>Left on the H: drive (required)</source>
            <translation>Left on the H: drive (required)</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="72" />
            <source>Left on the H: drive</source>
            <translation>Left on the H: drive</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="70" />
            <source>Nothing to change</source>
            <translation>Nothing to change</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="79" />
            <source>{mark} {title}: {files}, {size}: {action}</source>
            <translation>{mark} {title}: {files}, {size}: {action}</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/review_models.py" line="87" />
            <source> (you chose to move %n)</source>
            <translation>
                <numerusform> (you chose to move %n)</numerusform>
                <numerusform> (you chose to move %n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="102" />
            <location filename="../app/ui/review_tree_model.py" line="44" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="103" />
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="104" />
            <location filename="../app/ui/review_tree_model.py" line="45" />
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="105" />
            <location filename="../app/ui/review_tree_model.py" line="46" />
            <source>Modified</source>
            <translation>Modified</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="106" />
            <location filename="../app/ui/review_tree_model.py" line="47" />
            <source>What will happen</source>
            <translation>What will happen</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="153" />
            <source>(top level)</source>
            <translation>(top level)</translation>
        </message>
        <message>
            <location filename="../app/ui/review_tree_model.py" line="230" />
            <source>All of it moves</source>
            <translation>All of it moves</translation>
        </message>
        <message>
            <location filename="../app/ui/review_tree_model.py" line="232" />
            <source>Nothing in it moves</source>
            <translation>Nothing in it moves</translation>
        </message>
        <message>
            <location filename="../app/ui/review_tree_model.py" line="233" />
            <source>Some of it moves</source>
            <translation>Some of it moves</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../app/ui/pages/review.py" line="64" />
            <source>What will move</source>
            <translation>What will move</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="65" />
            <source>Check the guidance. You can change most choices; the reasons are shown.</source>
            <translation>Check the guidance. You can change most choices; the reasons are shown.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="69" />
            <source>Ways to review</source>
            <translation>Ways to review</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="72" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="75" />
            <source>&amp;Details of the selected item:</source>
            <translation>&amp;Details of the selected item:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="93" />
            <source>One line per kind of file, with what the guidance says to do</source>
            <translation>One line per kind of file, with what the guidance says to do</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="95" />
            <source>&amp;Kinds of files:</source>
            <translation>&amp;Kinds of files:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="103" />
            <source>Follow the guidance</source>
            <translation>Follow the guidance</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="104" />
            <source>Move all of them</source>
            <translation>Move all of them</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="105" />
            <source>Leave all of them on the H: drive</source>
            <translation>Leave all of them on the H: drive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="106" />
            <source>Your own choices</source>
            <translation>Your own choices</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="109" />
            <source>For &amp;this kind of file:</source>
            <translation>For &amp;this kind of file:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="111" />
            <source>What to do with this kind of file</source>
            <translation>What to do with this kind of file</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="125" />
            <source>F&amp;iles of this kind (Space ticks or unticks):</source>
            <translation>F&amp;iles of this kind (Space ticks or unticks):</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="127" />
            <source>By &amp;guidance</source>
            <translation>By &amp;guidance</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="136" />
            <source>Clear the filter</source>
            <translation>Clear the filter</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="137" />
            <source>Part of a file name</source>
            <translation>Part of a file name</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="139" />
            <source>Fi&amp;lter by name:</source>
            <translation>Fi&amp;lter by name:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="145" />
            <source>Folders and files with check boxes: ticked items will move</source>
            <translation>Folders and files with check boxes: ticked items will move</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="147" />
            <source>&amp;Folders and files:</source>
            <translation>&amp;Folders and files:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="148" />
            <source>By f&amp;older</source>
            <translation>By f&amp;older</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="204" />
            <source>These files cannot be moved to OneDrive, so there is no choice.</source>
            <translation>These files cannot be moved to OneDrive, so there is no choice.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="206" />
            <location filename="../app/ui/pages/review.py" line="281" />
            <source>The retention policy does not allow changing this.</source>
            <translation>The retention policy does not allow changing this.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="258" />
            <source>Folder {path}: {all}. {moving} of them will move.</source>
            <translation>Folder {path}: {all}. {moving} of them will move.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="271" />
            <source>{size}, last changed {date}.</source>
            <translation>{size}, last changed {date}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="285" />
            <source>OneDrive does not allow this name; it will be saved as: {name}</source>
            <translation>OneDrive does not allow this name; it will be saved as: {name}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="317" />
            <source>✔ Will move: {move}.   ✖ Left on the H: drive: {left}.   ⊘ Cannot move: {cannot}.</source>
            <translation>✔ Will move: {move}.   ✖ Left on the H: drive: {left}.   ⊘ Cannot move: {cannot}.</translation>
        </message>
    </context>
    <context>
        <name>ScanPage</name>
        <message>
            <location filename="../app/ui/pages/scan.py" line="23" />
            <location filename="../app/ui/pages/scan.py" line="41" />
            <source>Looking through your H: drive</source>
            <translation>Looking through your H: drive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="27" />
            <source>C&amp;hoose a different folder...</source>
            <translation>C&amp;hoose a different folder...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="28" />
            <source>Pick the folder to move if the H: drive shown is not the right one</source>
            <translation>Pick the folder to move if the H: drive shown is not the right one</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="31" />
            <source>&amp;Stop looking</source>
            <translation>&amp;Stop looking</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="33" />
            <source>&amp;Look again</source>
            <translation>&amp;Look again</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="48" />
            <source>I confirm this folder is mine and I want to move it to my OneDrive</source>
            <translation>I confirm this folder is mine and I want to move it to my OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="61" />
            <source>Your H: drive: {path}</source>
            <translation>Your H: drive: {path}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="67" />
            <source>⚠ The assistant could not find your H: drive.</source>
            <translation>⚠ The assistant could not find your H: drive.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="70" />
            <source>Choose the folder to move.</source>
            <translation>Choose the folder to move.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="83" />
            <source>Starting...</source>
            <translation>Starting...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="102" />
            <source>Checking {files} against the retention guidance...</source>
            <translation>Checking {files} against the retention guidance...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="110" />
            <source>Found so far: {files} in {folders}, {size}.</source>
            <translation>Found so far: {files} in {folders}, {size}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/scan.py" line="112" />
            <source>%Ln folder(s)</source>
            <translation>
                <numerusform>%Ln folder</numerusform>
                <numerusform>%Ln folders</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="116" />
            <source>Looking in: {folder}</source>
            <translation>Looking in: {folder}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="130" />
            <source>Finished: {files}, {size}.</source>
            <translation>Finished: {files}, {size}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/scan.py" line="134" />
            <source>%n item(s) could not be read.</source>
            <translation>
                <numerusform>%n item could not be read.</numerusform>
                <numerusform>%n items could not be read.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/scan.py" line="136" />
            <source>%n file(s) cannot move.</source>
            <translation>
                <numerusform>%n file cannot move.</numerusform>
                <numerusform>%n files cannot move.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="138" />
            <source>Press Next to see what will move.</source>
            <translation>Press Next to see what will move.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="157" />
            <source>Stopped. Press Look again to start over.</source>
            <translation>Stopped. Press Look again to start over.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="166" />
            <source>Choose the folder to move</source>
            <translation>Choose the folder to move</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="193" />
            <source>⚠ This folder seems to belong to {expected}, but you signed in as {actual}.</source>
            <translation>⚠ This folder seems to belong to {expected}, but you signed in as {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="197" />
            <source>⚠ The assistant could not check who owns this folder. You signed in as {actual}.</source>
            <translation>⚠ The assistant could not check who owns this folder. You signed in as {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="201" />
            <source>Your organisation does not allow moving someone else's H: drive. Choose your own folder, sign in with the right account, or ask the service desk.</source>
            <translation>Your organisation does not allow moving someone else's H: drive. Choose your own folder, sign in with the right account, or ask the service desk.</translation>
        </message>
    </context>
    <context>
        <name>SignInPage</name>
        <message>
            <location filename="../app/ui/pages/signin.py" line="24" />
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="28" />
            <source>Sign in with the same work account you use for email. A sign-in window opens in your web browser; come back here when it says you are done.</source>
            <translation>Sign in with the same work account you use for email. A sign-in window opens in your web browser; come back here when it says you are done.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="33" />
            <source>&amp;Sign in with your work account</source>
            <translation>&amp;Sign in with your work account</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="34" />
            <source>Opens the Microsoft sign-in page in your web browser</source>
            <translation>Opens the Microsoft sign-in page in your web browser</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="38" />
            <source>Sign in with a c&amp;ode on another device</source>
            <translation>Sign in with a c&amp;ode on another device</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="39" />
            <source>Shows a code to type on a phone or another computer</source>
            <translation>Shows a code to type on a phone or another computer</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="43" />
            <source>C&amp;ancel sign-in</source>
            <translation>C&amp;ancel sign-in</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="51" />
            <source>&amp;Training account (practice only):</source>
            <translation>&amp;Training account (practice only):</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="55" />
            <source>Training account</source>
            <translation>Training account</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="57" />
            <source>Sign in as this &amp;trainee</source>
            <translation>Sign in as this &amp;trainee</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="58" />
            <source>Practice mode only: signs in without a password</source>
            <translation>Practice mode only: signs in without a password</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="84" />
            <source>I confirm this H: drive is mine and I want to move it to my OneDrive</source>
            <translation>I confirm this H: drive is mine and I want to move it to my OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="116" />
            <source>Waiting for you to finish signing in in your web browser...</source>
            <translation>Waiting for you to finish signing in in your web browser...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="123" />
            <source>Signing in as the training account {upn}...</source>
            <translation>Signing in as the training account {upn}...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="132" />
            <source>Getting a sign-in code...</source>
            <translation>Getting a sign-in code...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="146" />
            <source>Your web browser did not open. Open this address in a browser on this computer to sign in, then come back here: {url}</source>
            <translation>Your web browser did not open. Open this address in a browser on this computer to sign in, then come back here: {url}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="158" />
            <source>On another device, go to {url} and enter the code {code}. Then come back here.</source>
            <translation>On another device, go to {url} and enter the code {code}. Then come back here.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="162" />
            <source>Sign-in code</source>
            <translation>Sign-in code</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="164" />
            <source>Waiting for you to enter the code on the other device...</source>
            <translation>Waiting for you to enter the code on the other device...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="180" />
            <source>Your OneDrive has {free} free.</source>
            <translation>Your OneDrive has {free} free.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="184" />
            <source>Signed in as {name} ({user}).</source>
            <translation>Signed in as {name} ({user}).</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="203" />
            <source>⚠ This H: drive seems to belong to {expected}, but you signed in as {actual}.</source>
            <translation>⚠ This H: drive seems to belong to {expected}, but you signed in as {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="207" />
            <source>⚠ The assistant could not check who owns this H: drive. You signed in as {actual}.</source>
            <translation>⚠ The assistant could not check who owns this H: drive. You signed in as {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="211" />
            <source>Your organisation does not allow moving someone else's H: drive. Sign in with the right account, or ask the service desk.</source>
            <translation>Your organisation does not allow moving someone else's H: drive. Sign in with the right account, or ask the service desk.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="230" />
            <source>Sign-in was cancelled. You can try again.</source>
            <translation>Sign-in was cancelled. You can try again.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="18" />
            <source>Move your H: drive to OneDrive</source>
            <translation>Move your H: drive to OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="22" />
            <source>This assistant copies the files on your H: drive into your OneDrive, in a folder called "{folder}". Only you can see that folder unless you share it.</source>
            <translation>This assistant copies the files on your H: drive into your OneDrive, in a folder called "{folder}". Only you can see that folder unless you share it.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="28" />
            <source>What will happen:
1. You sign in with your work account.
2. The assistant looks through your H: drive (this takes a few minutes).
3. You see what will move, what the retention guidance says to leave behind, and why. You can change most choices.
4. Your files are copied and every copy is checked.
5. You get a receipt of what moved and what did not.</source>
            <translation>What will happen:
1. You sign in with your work account.
2. The assistant looks through your H: drive (this takes a few minutes).
3. You see what will move, what the retention guidance says to leave behind, and why. You can change most choices.
4. Your files are copied and every copy is checked.
5. You get a receipt of what moved and what did not.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="39" />
            <source>Most H: drives take between 15 minutes and an hour. You can keep working while it runs, pause it, or close the assistant and continue later.</source>
            <translation>Most H: drives take between 15 minutes and an hour. You can keep working while it runs, pause it, or close the assistant and continue later.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="45" />
            <source>Nothing on your H: drive is changed or deleted unless you ask for it at the very end, after you have seen exactly what would be deleted.</source>
            <translation>Nothing on your H: drive is changed or deleted unless you ask for it at the very end, after you have seen exactly what would be deleted.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="52" />
            <source>&amp;Continue where you left off</source>
            <translation>&amp;Continue where you left off</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="53" />
            <source>Carry on with the migration you started before</source>
            <translation>Carry on with the migration you started before</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="118" />
            <source>You started moving your files before and {left} still need to be moved ({done} of {total} already in OneDrive). You can continue where you left off, or press Next to start again.</source>
            <translation>You started moving your files before and {left} still need to be moved ({done} of {total} already in OneDrive). You can continue where you left off, or press Next to start again.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="128" />
            <source>It was started by {account}; sign in as that account to continue.</source>
            <translation>It was started by {account}; sign in as that account to continue.</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <location filename="../app/ui/workers.py" line="105" />
            <source>Something went wrong</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <location filename="../app/ui/workers.py" line="106" />
            <source>The assistant met an unexpected problem while working.</source>
            <translation>The assistant met an unexpected problem while working.</translation>
        </message>
        <message>
            <location filename="../app/ui/workers.py" line="107" />
            <source>Try again. If it happens again, ask the service desk for help.</source>
            <translation>Try again. If it happens again, ask the service desk for help.</translation>
        </message>
    </context>
</TS>
