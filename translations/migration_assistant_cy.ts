<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
    <context>
        <name>AssistedWindow</name>
        <message>
            <location filename="../app/ui/assisted.py" line="108" />
            <source>The journal cannot be read: {error}</source>
            <translation>Does dim modd darllen y cofnod: {error}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="111" />
            <source>The journal holds no migration yet.</source>
            <translation>Does dim mudo yn y cofnod eto.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="115" />
            <source>Run {id} ({status}), started {started}</source>
            <translation>Rhediad {id} ({status}), wedi dechrau {started}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="117" />
            <source>finished</source>
            <translation>wedi gorffen</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="117" />
            <source>unfinished</source>
            <translation>heb orffen</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="120" />
            <source>Files per state: {counts}</source>
            <translation>Ffeiliau ym mhob cyflwr: {counts}</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/assisted.py" line="121" />
            <source>Still to do: %n file(s)</source>
            <translation>
                <numerusform>Yn dal i'w gwneud: %n ffeil</numerusform>
                <numerusform>Yn dal i'w gwneud: %n ffeil</numerusform>
                <numerusform>Yn dal i'w gwneud: %n ffeil</numerusform>
                <numerusform>Yn dal i'w gwneud: %n ffeil</numerusform>
                <numerusform>Yn dal i'w gwneud: %n ffeil</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="122" />
            <source>Bytes done: {done} of {total}</source>
            <translation>Beitiau wedi'u gwneud: {done} o {total}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="161" />
            <source>Assisted session</source>
            <translation>Sesiwn gyda chymorth</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="165" />
            <source>Session code: {code}</source>
            <translation>Cod y sesiwn: {code}</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="171" />
            <source>Quote this code to the service desk; it is in the log and the bundle.</source>
            <translation>Rhowch y cod hwn i'r ddesg gwasanaeth; mae yn y log ac yn y pecyn.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="177" />
            <source>&amp;Journal</source>
            <translation>&amp;Cofnod</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="178" />
            <source>The journal's state: files per state in the current run, and bytes.</source>
            <translation>Cyflwr y cofnod: ffeiliau ym mhob cyflwr yn y rhediad presennol, a beitiau.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="183" />
            <source>&amp;Problems (technical detail)</source>
            <translation>&amp;Problemau (manylion technegol)</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="184" />
            <source>Warnings and errors so far, with the technical detail behind each.</source>
            <translation>Rhybuddion a gwallau hyd yma, gyda'r manylion technegol y tu ôl i bob un.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="190" />
            <source>Live &amp;log</source>
            <translation>&amp;Log byw</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="191" />
            <source>The assistant's log as it is written, with secrets removed.</source>
            <translation>Log y cynorthwyydd wrth iddo gael ei ysgrifennu, heb unrhyw gyfrinachau.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="195" />
            <source>&amp;Save a support bundle...</source>
            <translation>C&amp;adw pecyn cymorth...</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="199" />
            <source>A zip for the service desk: the log, receipts and settings, with no tokens and no file contents</source>
            <translation>Ffeil zip ar gyfer y ddesg gwasanaeth: y log, derbynebau a gosodiadau, heb docynnau na chynnwys ffeiliau</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="204" />
            <source>&amp;Close</source>
            <translation>Ca&amp;u</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="207" />
            <source>Close this window (Ctrl+Shift+A opens it again)</source>
            <translation>Cau'r ffenestr hon (mae Ctrl+Shift+A yn ei hagor eto)</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="303" />
            <source>Save a support bundle</source>
            <translation>Cadw pecyn cymorth</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="305" />
            <source>Zip file (*.zip)</source>
            <translation>Ffeil zip (*.zip)</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="313" />
            <source>Saving the support bundle...</source>
            <translation>Wrthi'n cadw'r pecyn cymorth...</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="360" />
            <source>The support bundle could not be saved</source>
            <translation>Doedd dim modd cadw'r pecyn cymorth</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="361" />
            <source>Nothing could be written to {path}.</source>
            <translation>Doedd dim modd ysgrifennu i {path}.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="362" />
            <source>Choose another folder, for example your Documents.</source>
            <translation>Dewiswch ffolder arall, er enghraifft eich Dogfennau.</translation>
        </message>
        <message>
            <location filename="../app/ui/assisted.py" line="370" />
            <source>Support bundle saved to {path}</source>
            <translation>Cadwyd y pecyn cymorth yn {path}</translation>
        </message>
        <message>
            <source>Still to do: {n} files</source>
            <translation type="vanished">I'w gwneud o hyd: {n} ffeil</translation>
        </message>
    </context>
    <context>
        <name>ConfirmPage</name>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="29" />
            <source>Ready to move your files</source>
            <translation>Yn barod i symud eich ffeiliau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="37" />
            <source>You can pause at any time, or close the assistant: it continues where it left off next time.</source>
            <translation>Gallwch oedi unrhyw bryd, neu gau'r cynorthwyydd: bydd yn parhau o'r man lle gadawodd y tro nesaf.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="42" />
            <source>Start &amp;moving</source>
            <translation>Dechrau &amp;symud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="49" />
            <source>Preparing the list of files to move...</source>
            <translation>Wrthi'n paratoi'r rhestr o ffeiliau i'w symud...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="67" />
            <source>Your files will go to the folder "{folder}" in your OneDrive.</source>
            <translation>Bydd eich ffeiliau'n mynd i'r ffolder "{folder}" yn eich OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="68" />
            <source>(the top of your OneDrive)</source>
            <translation>(brig eich OneDrive)</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="73" />
            <source>To move: {what}.</source>
            <translation>I'w symud: {what}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="82" />
            <source>✔ This fits: your OneDrive has {free} free.</source>
            <translation>✔ Mae digon o le: mae gan eich OneDrive {free} yn rhydd.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="90" />
            <source>⚠ This does not fit: your OneDrive has only {free} free. Go back and leave some files on the H: drive, or ask the service desk for more space.</source>
            <translation>⚠ Does dim digon o le: dim ond {free} sydd gan eich OneDrive yn rhydd. Ewch yn ôl a gadael rhai ffeiliau ar y gyriant H:, neu gofynnwch i'r ddesg gwasanaeth am ragor o le.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="96" />
            <source>The free space in your OneDrive is not known.</source>
            <translation>Dydyn ni ddim yn gwybod faint o le sy'n rhydd yn eich OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="99" />
            <source>Estimated time: {time}.</source>
            <translation>Amser amcangyfrifedig: {time}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/confirm.py" line="106" />
            <source>{left} will be left on your H: drive, not deleted. They are listed in your receipt; at the end you can choose to delete them.</source>
            <translation>Bydd {left} yn cael eu gadael ar eich gyriant H:, heb eu dileu. Maen nhw wedi'u rhestru yn eich derbynneb; ar y diwedd gallwch ddewis eu dileu.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/confirm.py" line="110" />
            <source>%n file(s) cannot move and stay where they are.</source>
            <translation>
                <numerusform>Does dim modd symud %n ffeil, felly byddan nhw'n aros lle maen nhw.</numerusform>
                <numerusform>Does dim modd symud %n ffeil, felly bydd yn aros lle mae hi.</numerusform>
                <numerusform>Does dim modd symud %n ffeil, felly byddan nhw'n aros lle maen nhw.</numerusform>
                <numerusform>Does dim modd symud %n ffeil, felly byddan nhw'n aros lle maen nhw.</numerusform>
                <numerusform>Does dim modd symud %n ffeil, felly byddan nhw'n aros lle maen nhw.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <location filename="../app/ui/pages/done.py" line="44" />
            <source>Your receipt</source>
            <translation>Eich derbynneb</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="47" />
            <source>Receipt</source>
            <translation>Derbynneb</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="52" />
            <source>&amp;Open my OneDrive folder</source>
            <translation>&amp;Agor fy ffolder OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="52" />
            <source>Opens OneDrive in your web browser</source>
            <translation>Yn agor OneDrive yn eich porwr gwe</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="55" />
            <source>&amp;Save the receipt...</source>
            <translation>&amp;Cadw'r dderbynneb...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="58" />
            <source>&amp;Delete the left-behind files from my H: drive...</source>
            <translation>&amp;Dileu'r ffeiliau a adawyd ar ôl o fy ngyriant H:...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="59" />
            <source>Asks you to confirm, with the full list, before deleting anything</source>
            <translation>Yn gofyn i chi gadarnhau, gyda'r rhestr lawn, cyn dileu unrhyw beth</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="67" />
            <source>&amp;Check this laptop before I hand it back...</source>
            <translation>&amp;Gwirio'r gliniadur hwn cyn i mi ei roi'n ôl...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="68" />
            <source>Lists files on this laptop that are not in your OneDrive</source>
            <translation>Yn rhestru ffeiliau ar y gliniadur hwn sydd ddim yn eich OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="81" />
            <source>Preparing your receipt...</source>
            <translation>Wrthi'n paratoi eich derbynneb...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="164" />
            <source>Save the receipt</source>
            <translation>Cadw'r dderbynneb</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="166" />
            <source>Web page (*.html);;Spreadsheet (*.csv);;Text (*.txt)</source>
            <translation>Tudalen we (*.html);;Taenlen (*.csv);;Testun (*.txt)</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="191" />
            <source>Receipt saved to {path}</source>
            <translation>Cadwyd y dderbynneb yn {path}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="201" />
            <source>Delete files from your H: drive?</source>
            <translation>Dileu ffeiliau o'ch gyriant H:?</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="204" />
            <source>This permanently deletes {what} from your H: drive. They are the files the retention guidance (or you) chose not to move. They are not in OneDrive.</source>
            <translation>Bydd hyn yn dileu {what} o'ch gyriant H: am byth. Dyma'r ffeiliau na chawson nhw eu symud, yn ôl y canllawiau cadw (neu eich dewis chi). Dydyn nhw ddim yn OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="208" />
            <source>The full list is under Show Details.</source>
            <translation>Mae'r rhestr lawn o dan Show Details.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/done.py" line="211" />
            <source>Delete %n file(s)</source>
            <translation>
                <numerusform>Dileu %n ffeil</numerusform>
                <numerusform>Dileu %n ffeil</numerusform>
                <numerusform>Dileu %n ffeil</numerusform>
                <numerusform>Dileu %n ffeil</numerusform>
                <numerusform>Dileu %n ffeil</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="213" />
            <source>Keep them</source>
            <translation>Eu cadw</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="228" />
            <source>Deleting...</source>
            <translation>Wrthi'n dileu...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/done.py" line="245" />
            <source>Deleted {what} from your H: drive.</source>
            <translation>Wedi dileu {what} o'ch gyriant H:</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/done.py" line="249" />
            <source>%n file(s) could not be deleted:</source>
            <translation>
                <numerusform>Doedd dim modd dileu %n ffeil:</numerusform>
                <numerusform>Doedd dim modd dileu %n ffeil:</numerusform>
                <numerusform>Doedd dim modd dileu %n ffeil:</numerusform>
                <numerusform>Doedd dim modd dileu %n ffeil:</numerusform>
                <numerusform>Doedd dim modd dileu %n ffeil:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/done.py" line="253" />
            <source>%n file(s) were kept because they are no longer as they were when scanned:</source>
            <translation>
                <numerusform>Cadwyd %n ffeil am eu bod wedi newid ers i'r cynorthwyydd edrych arnyn nhw:</numerusform>
                <numerusform>Cadwyd %n ffeil am ei bod wedi newid ers i'r cynorthwyydd edrych arni:</numerusform>
                <numerusform>Cadwyd %n ffeil am eu bod wedi newid ers i'r cynorthwyydd edrych arnyn nhw:</numerusform>
                <numerusform>Cadwyd %n ffeil am eu bod wedi newid ers i'r cynorthwyydd edrych arnyn nhw:</numerusform>
                <numerusform>Cadwyd %n ffeil am eu bod wedi newid ers i'r cynorthwyydd edrych arnyn nhw:</numerusform>
            </translation>
        </message>
        <message>
            <source>Your receipt is saved in {folder}.</source>
            <translation type="vanished">Mae eich derbynneb wedi'i chadw yn {folder}.</translation>
        </message>
        <message>
            <source>The receipt could not be saved on this computer: {why}</source>
            <translation type="vanished">Doedd dim modd cadw'r dderbynneb ar y cyfrifiadur hwn: {why}</translation>
        </message>
        <message>
            <source>A copy is in your OneDrive: {names}.</source>
            <translation type="vanished">Mae copi yn eich OneDrive: {names}.</translation>
        </message>
        <message>
            <source>{name} could not be put in OneDrive: {why}</source>
            <translation type="vanished">Doedd dim modd rhoi {name} yn OneDrive: {why}</translation>
        </message>
        <message>
            <source>Web page (*.html);;Text (*.txt)</source>
            <translation type="vanished">Tudalen we (*.html);;Testun (*.txt)</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../app/core/hand_back.py" line="171" />
            <source>The hand-back check could not be saved</source>
            <translation>Doedd dim modd cadw'r gwiriad rhoi'n ôl</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back.py" line="172" />
            <source>Nothing could be written to {target}.</source>
            <translation>Doedd dim modd ysgrifennu i {target}.</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back.py" line="173" />
            <source>Choose another file name, for example one in your Documents folder.</source>
            <translation>Dewiswch enw ffeil arall, er enghraifft un yn eich ffolder Dogfennau.</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back.py" line="395" />
            <source>same size, different contents</source>
            <translation>yr un maint, cynnwys gwahanol</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="27" />
            <source>Desktop</source>
            <translation>Bwrdd Gwaith</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="28" />
            <source>Documents</source>
            <translation>Dogfennau</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="29" />
            <source>Downloads</source>
            <translation>Llwytho i Lawr</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="30" />
            <source>Pictures</source>
            <translation>Lluniau</translation>
        </message>
        <message>
            <location filename="../app/core/hand_back_folders.py" line="34" />
            <source>H: drive (offline copy on this laptop)</source>
            <translation>Gyriant H: (copi all-lein ar y gliniadur hwn)</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="39" />
            <source>The folder you chose, {given}, does not exist or is not a folder that can be opened.</source>
            <translation>Dydy'r ffolder a ddewisoch chi, {given}, ddim yn bodoli, neu dydy e ddim yn ffolder y mae modd ei agor.</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="43" />
            <source>Check the spelling of the path, or choose the folder again. If it is on the network, make sure you are connected (in the office or on the VPN).</source>
            <translation>Gwiriwch sillafiad y llwybr, neu dewiswch y ffolder eto. Os yw ar y rhwydwaith, gwnewch yn siŵr eich bod wedi cysylltu (yn y swyddfa neu ar y VPN).</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="48" />
            <source>Your H: drive could not be found. Looked at: {looked_at}.</source>
            <translation>Doedd dim modd dod o hyd i'ch gyriant H: – lleoedd a wiriwyd: {looked_at}.</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="49" />
            <source>Connect to the force network (in the office or on the VPN) and try again, or choose your H: drive folder yourself (in the assistant, or with --source PATH on the command line).</source>
            <translation>Cysylltwch â rhwydwaith yr heddlu (yn y swyddfa neu ar y VPN) a rhowch gynnig arall arni, neu dewiswch ffolder eich gyriant H: eich hun (yn y cynorthwyydd, neu gyda --source PATH ar y llinell orchymyn).</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="55" />
            <source>H: drive not found</source>
            <translation>Gyriant H: heb ei ganfod</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="68" />
            <source>H: drive cannot be read</source>
            <translation>Does dim modd darllen y gyriant H: hwn</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="69" />
            <source>The assistant could not open {root} to see what is in it.</source>
            <translation>Doedd y cynorthwyydd ddim yn gallu agor {root} i weld beth sydd ynddo.</translation>
        </message>
        <message>
            <location filename="../app/core/hdrive.py" line="70" />
            <source>Check that you can open this folder in File Explorer. If you cannot, ask the service desk to check your permissions on your H: drive.</source>
            <translation>Gwiriwch eich bod yn gallu agor y ffolder hwn yn Archwiliwr Ffeiliau (File Explorer). Os nad ydych chi, gofynnwch i'r ddesg gwasanaeth wirio eich caniatâd i ddefnyddio eich gyriant H: chi.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="34" />
            <source>Another window of the H: drive migration assistant, or a command-line migration, is already working on your migration (process {holder}).</source>
            <translation>Mae ffenestr arall o'r cynorthwyydd mudo, neu fudo ar y llinell orchymyn, eisoes yn gweithio ar eich mudo (proses {holder}).</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="39" />
            <source>Another window of the H: drive migration assistant, or a command-line migration, is already working on your migration.</source>
            <translation>Mae ffenestr arall o'r cynorthwyydd mudo, neu fudo ar y llinell orchymyn, eisoes yn gweithio ar eich mudo.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="45" />
            <source>The assistant is already running</source>
            <translation>Mae'r cynorthwyydd eisoes ar agor</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="47" />
            <source>Finish or close the other one first, then start the assistant again.</source>
            <translation>Gorffennwch neu caewch yr un arall yn gyntaf, yna dechreuwch y cynorthwyydd eto.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="59" />
            <source>The migration journal cannot be written</source>
            <translation>Does dim modd ysgrifennu i gofnod y mudo</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="60" />
            <source>{path} cannot be written: the disk may be full, or the folder read-only.</source>
            <translation>Does dim modd ysgrifennu i {path}: efallai fod y ddisg yn llawn, neu fod y ffolder yn un darllen yn unig.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="61" />
            <source>Free some space on this computer (or ask IT to), then start again: nothing is lost, and the migration continues where it stopped.</source>
            <translation>Rhyddhewch ychydig o le ar y cyfrifiadur hwn (neu gofynnwch i TG wneud hynny), yna dechreuwch eto: does dim byd wedi'i golli, a bydd y mudo'n parhau o'r man lle stopiodd.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="77" />
            <source>The migration journal is from a newer version of the assistant</source>
            <translation>Mae cofnod y mudo o fersiwn mwy newydd o'r cynorthwyydd</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="78" />
            <source>{path} was written by a newer version of the H: drive migration assistant than this one, which cannot read it. The file has been left as it is.</source>
            <translation>Cafodd {path} ei ysgrifennu gan fersiwn mwy newydd o gynorthwyydd mudo'r gyriant H: na hwn, a does dim modd i'r fersiwn hwn ei ddarllen. Mae'r ffeil wedi'i gadael fel y mae.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="82" />
            <source>Use the newer version of the assistant (the one that started this migration) to continue, or ask the service desk for it.</source>
            <translation>Defnyddiwch y fersiwn mwy newydd o'r cynorthwyydd (yr un a ddechreuodd y mudo hwn) i barhau, neu gofynnwch i'r ddesg gwasanaeth amdano.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="98" />
            <source>The migration journal could not be read</source>
            <translation>Doedd dim modd darllen cofnod y mudo</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="99" />
            <source>{path} cannot be read: {why}. It has been left as it is.</source>
            <translation>Does dim modd darllen {path}: {why}. Mae wedi'i adael fel y mae.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_errors.py" line="100" />
            <source>Send the support bundle to the service desk; the file is not changed.</source>
            <translation>Anfonwch y pecyn cymorth i'r ddesg gwasanaeth; dydy'r ffeil ddim wedi newid.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_records.py" line="45" />
            <source>{path} cannot be used: {why}. It was kept as {moved_to}.</source>
            <translation>Does dim modd defnyddio {path}: {why}. Cafodd ei gadw fel {moved_to}.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_records.py" line="47" />
            <source>{path} cannot be used: {why}.</source>
            <translation>Does dim modd defnyddio {path}: {why}.</translation>
        </message>
        <message>
            <location filename="../app/core/journal_records.py" line="48" />
            <source>Start the migration again: files already in OneDrive are recognised and not sent twice. Keep the old file if IT asks for it.</source>
            <translation>Dechreuwch y mudo eto: bydd ffeiliau sydd eisoes yn OneDrive yn cael eu hadnabod, a fyddan nhw ddim yn cael eu hanfon ddwywaith. Cadwch yr hen ffeil os bydd TG yn gofyn amdani.</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="47" />
            <source>That choice is not allowed</source>
            <translation>Dydy'r dewis hwnnw ddim yn cael ei ganiatáu</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="49" />
            <source>Keep the guidance for this file, or ask your records manager.</source>
            <translation>Cadwch y canllawiau ar gyfer y ffeil hon, neu gofynnwch i'ch rheolwr cofnodion.</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="127" />
            <source>The OneDrive folder cannot be used</source>
            <translation>Does dim modd defnyddio'r ffolder OneDrive</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="128" />
            <source>The destination folder "{folder}" has a part OneDrive cannot use ("{part}").</source>
            <translation>Mae gan y ffolder cyrchfan "{folder}" ran nad yw OneDrive yn gallu ei defnyddio ("{part}").</translation>
        </message>
        <message>
            <location filename="../app/core/plan.py" line="129" />
            <source>Ask IT to correct onedrive.destination_folder in the settings.</source>
            <translation>Gofynnwch i TG gywiro onedrive.destination_folder yn y gosodiadau.</translation>
        </message>
        <message>
            <location filename="../app/core/policy.py" line="73" />
            <source>The retention policy cannot be used</source>
            <translation>Does dim modd defnyddio'r polisi cadw</translation>
        </message>
        <message>
            <location filename="../app/core/policy.py" line="75" />
            <source>Ask IT to correct the retention policy file. The assistant will not guess what the policy means.</source>
            <translation>Gofynnwch i TG gywiro ffeil y polisi cadw. Fydd y cynorthwyydd ddim yn dyfalu beth mae'r polisi'n ei olygu.</translation>
        </message>
        <message>
            <location filename="../app/core/receipt_files.py" line="58" />
            <source>The receipt could not be saved</source>
            <translation>Doedd dim modd cadw'r dderbynneb</translation>
        </message>
        <message>
            <location filename="../app/core/receipt_files.py" line="60" />
            <source>Save the receipt somewhere else from the last page, for example your Documents.</source>
            <translation>Cadwch y dderbynneb yn rhywle arall o'r dudalen olaf, er enghraifft yn eich Dogfennau.</translation>
        </message>
        <message>
            <location filename="../app/core/reports.py" line="291" />
            <source>The report could not be saved</source>
            <translation>Doedd dim modd cadw'r adroddiad</translation>
        </message>
        <message>
            <location filename="../app/core/reports.py" line="293" />
            <source>Choose another folder, for example your Documents folder.</source>
            <translation>Dewiswch ffolder arall, er enghraifft eich ffolder Dogfennau.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="41" />
            <source>Another account's migration</source>
            <translation>Mudo cyfrif arall</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="42" />
            <source>The unfinished migration belongs to {run_account}, but you are signed in as {username}.</source>
            <translation>{run_account} biau'r mudo sydd heb ei orffen, ond rydych chi wedi mewngofnodi fel {username}.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="46" />
            <source>Sign in as that account to continue it.</source>
            <translation>Mewngofnodwch fel y cyfrif hwnnw i'w barhau.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="76" />
            <source>A different folder</source>
            <translation>Ffolder gwahanol</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="77" />
            <source>The unfinished migration is of {source}, not of {chosen}.</source>
            <translation>Mudo {source} yw'r mudo sydd heb ei orffen, nid {chosen}.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="78" />
            <source>Continue it without choosing a folder, or finish it first.</source>
            <translation>Parhewch ag ef heb ddewis ffolder, neu gorffennwch ef yn gyntaf.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="83" />
            <source>The H: drive folder is not there</source>
            <translation>Dydy ffolder y gyriant H: ddim yno</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="84" />
            <source>The unfinished migration is of {source}, which cannot be found now.</source>
            <translation>Mudo {source} yw'r mudo sydd heb ei orffen, a does dim modd dod o hyd iddo nawr.</translation>
        </message>
        <message>
            <location filename="../app/core/resume.py" line="85" />
            <source>Connect to the network (or the VPN) so that the folder is there, then try again.</source>
            <translation>Cysylltwch â'r rhwydwaith (neu'r VPN) fel bod y ffolder ar gael, yna rhowch gynnig arall arni.</translation>
        </message>
        <message>
            <location filename="../app/m365/auth.py" line="138" />
            <source>Cannot reach the sign-in service</source>
            <translation>Does dim modd cyrraedd y gwasanaeth mewngofnodi</translation>
        </message>
        <message>
            <location filename="../app/m365/auth.py" line="139" />
            <source>The Microsoft sign-in service did not answer as expected.</source>
            <translation>Wnaeth gwasanaeth mewngofnodi Microsoft ddim ateb yn ôl y disgwyl.</translation>
        </message>
        <message>
            <location filename="../app/m365/auth.py" line="140" />
            <source>Check the network, then try again. If it persists, contact the service desk.</source>
            <translation>Gwiriwch y rhwydwaith, yna rhowch gynnig arall arni. Os bydd yn parhau, cysylltwch â'r ddesg gwasanaeth.</translation>
        </message>
        <message>
            <location filename="../app/m365/bandwidth.py" line="28" />
            <source>The full-bandwidth hours are not valid</source>
            <translation>Dydy'r oriau lled band llawn ddim yn ddilys</translation>
        </message>
        <message>
            <location filename="../app/m365/bandwidth.py" line="29" />
            <source>'{text}' should look like 18:00-07:00.</source>
            <translation>Dylai '{text}' edrych fel 18:00-07:00.</translation>
        </message>
        <message>
            <location filename="../app/m365/bandwidth.py" line="30" />
            <source>Fix upload.full_bandwidth_hours in the settings, or leave it empty.</source>
            <translation>Cywirwch upload.full_bandwidth_hours yn y gosodiadau, neu gadewch ef yn wag.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="20" />
            <source>Not found in OneDrive</source>
            <translation>Heb ei ganfod yn OneDrive</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="21" />
            <source>OneDrive could not find the file or folder it was asked about.</source>
            <translation>Doedd OneDrive ddim yn gallu dod o hyd i'r ffeil neu'r ffolder y gofynnwyd amdani.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="22" />
            <source>Try again. If it keeps happening, contact the service desk.</source>
            <translation>Rhowch gynnig arall arni. Os bydd yn dal i ddigwydd, cysylltwch â'r ddesg gwasanaeth.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="25" />
            <source>Name already in use</source>
            <translation>Mae'r enw eisoes yn cael ei ddefnyddio</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="26" />
            <source>A file or folder with this name already exists in that OneDrive folder.</source>
            <translation>Mae ffeil neu ffolder gyda'r enw hwn eisoes yn y ffolder OneDrive hwnnw.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="27" />
            <source>Rename or remove the existing item in OneDrive, then try again.</source>
            <translation>Ailenwch neu dynnwch yr eitem sydd eisoes yn OneDrive, yna rhowch gynnig arall arni.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="30" />
            <source>OneDrive is full</source>
            <translation>Mae OneDrive yn llawn</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="31" />
            <source>There is not enough free space in your OneDrive for these files.</source>
            <translation>Does dim digon o le yn eich OneDrive ar gyfer y ffeiliau hyn.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="32" />
            <source>Free some space in OneDrive or ask the service desk for more, then resume.</source>
            <translation>Rhyddhewch ychydig o le yn OneDrive neu gofynnwch i'r ddesg gwasanaeth am ragor, yna ailddechreuwch.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="40" />
            <source>Access denied</source>
            <translation>Dim mynediad</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="41" />
            <source>Your account is not allowed to do this in OneDrive.</source>
            <translation>Dydy eich cyfrif ddim yn cael gwneud hyn yn OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="42" />
            <source>Check you signed in with your own work account, or contact the service desk.</source>
            <translation>Gwiriwch eich bod wedi mewngofnodi gyda'ch cyfrif gwaith eich hun, neu cysylltwch â'r ddesg gwasanaeth.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="45" />
            <source>Item is locked</source>
            <translation>Mae'r eitem wedi'i chloi</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="46" />
            <source>The item is locked in OneDrive (for example, open for editing or on hold).</source>
            <translation>Mae'r eitem wedi'i chloi yn OneDrive (er enghraifft, ar agor i'w golygu neu wedi'i dal).</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="47" />
            <source>Close the file wherever it is open and try again later.</source>
            <translation>Caewch y ffeil lle bynnag y mae ar agor, a rhowch gynnig arall arni yn nes ymlaen.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="55" />
            <source>Microsoft 365 is busy</source>
            <translation>Mae Microsoft 365 yn brysur</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="56" />
            <source>Microsoft 365 asked us to slow down, and it did not recover in time.</source>
            <translation>Gofynnodd Microsoft 365 i ni arafu, a wnaeth e ddim gwella mewn pryd.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="57" />
            <source>Wait a few minutes and resume; nothing already moved is lost.</source>
            <translation>Arhoswch am ychydig funudau ac ailddechreuwch; does dim byd sydd eisoes wedi symud wedi'i golli.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="60" />
            <source>Request rejected</source>
            <translation>Cais wedi'i wrthod</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="61" />
            <source>OneDrive rejected a request from this app.</source>
            <translation>Gwrthododd OneDrive gais gan yr ap hwn.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="65" />
            <source>File blocked as unsafe</source>
            <translation>Ffeil wedi'i rhwystro fel un anniogel</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="66" />
            <source>OneDrive found something harmful in a file and refused it.</source>
            <translation>Daeth OneDrive o hyd i rywbeth niweidiol mewn ffeil a'i gwrthod.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="67" />
            <source>Contact the service desk before moving this file.</source>
            <translation>Cysylltwch â'r ddesg gwasanaeth cyn symud y ffeil hon.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="70" />
            <source>OneDrive is unavailable</source>
            <translation>Dydy OneDrive ddim ar gael</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="71" />
            <source>OneDrive is not available right now.</source>
            <translation>Dydy OneDrive ddim ar gael ar hyn o bryd.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="75" />
            <source>Signed out</source>
            <translation>Wedi allgofnodi</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="76" />
            <source>Microsoft 365 no longer accepts your sign-in.</source>
            <translation>Dydy Microsoft 365 ddim yn derbyn eich mewngofnod mwyach.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="77" />
            <source>Sign in again, then resume.</source>
            <translation>Mewngofnodwch eto, yna ailddechreuwch.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="94" />
            <source>OneDrive problem</source>
            <translation>Problem gydag OneDrive</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="95" />
            <source>OneDrive could not complete a request.</source>
            <translation>Doedd OneDrive ddim yn gallu cwblhau cais.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="96" />
            <source>Try again. If it keeps happening, contact the service desk with the log.</source>
            <translation>Rhowch gynnig arall arni. Os bydd yn dal i ddigwydd, cysylltwch â'r ddesg gwasanaeth gyda'r log.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="159" />
            <source>Cannot reach Microsoft 365</source>
            <translation>Does dim modd cyrraedd Microsoft 365</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="160" />
            <source>This computer cannot reach Microsoft 365 right now.</source>
            <translation>Dydy'r cyfrifiadur hwn ddim yn gallu cyrraedd Microsoft 365 ar hyn o bryd.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="161" />
            <source>Check you are connected to the network (and VPN, if you use one), then try again.</source>
            <translation>Gwiriwch eich bod wedi cysylltu â'r rhwydwaith (a'r VPN, os ydych chi'n defnyddio un), yna rhowch gynnig arall arni.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="235" />
            <source>Sign-in failed</source>
            <translation>Methodd y mewngofnodi</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="236" />
            <source>Microsoft 365 did not sign you in.</source>
            <translation>Wnaeth Microsoft 365 ddim eich mewngofnodi.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="252" />
            <source>Please sign in again</source>
            <translation>Mewngofnodwch eto</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="253" />
            <source>Your sign-in has expired or was removed.</source>
            <translation>Mae eich mewngofnod wedi dod i ben neu wedi'i dynnu.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="254" />
            <source>Sign in with your work account to continue.</source>
            <translation>Mewngofnodwch gyda'ch cyfrif gwaith i barhau.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="264" />
            <source>Sign-in cancelled</source>
            <translation>Mewngofnodi wedi'i ganslo</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="265" />
            <source>Sign-in was stopped before it finished.</source>
            <translation>Cafodd y mewngofnodi ei stopio cyn iddo orffen.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="266" />
            <source>Sign in to continue.</source>
            <translation>Mewngofnodwch i barhau.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="276" />
            <source>Sign-in timed out</source>
            <translation>Daeth yr amser mewngofnodi i ben</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="277" />
            <source>Sign-in was not completed within {minutes} minutes.</source>
            <translation>Doedd y mewngofnodi ddim wedi'i gwblhau o fewn {minutes} munud.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="279" />
            <source>Sign-in was not completed within 1 minute.</source>
            <translation>Doedd y mewngofnodi ddim wedi'i gwblhau o fewn 1 munud.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="280" />
            <source>Start the sign-in again and complete it in the browser window that opens.</source>
            <translation>Dechreuwch y mewngofnodi eto a'i gwblhau yn ffenestr y porwr sy'n agor.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="291" />
            <source>Sign-in with a code is not allowed</source>
            <translation>Does dim caniatâd i fewngofnodi gyda chod</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="292" />
            <source>Your organisation has turned off signing in with a code on another device.</source>
            <translation>Mae eich sefydliad wedi diffodd mewngofnodi gyda chod ar ddyfais arall.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="293" />
            <source>Use 'Sign in with the browser' on this computer instead.</source>
            <translation>Defnyddiwch "Mewngofnodi gyda'r porwr" ar y cyfrifiadur hwn yn lle hynny.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="304" />
            <source>The app is not set up yet</source>
            <translation>Dydy'r ap ddim wedi'i osod eto</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="305" />
            <source>This computer's settings do not say which {missing} to use for Microsoft 365.</source>
            <translation>Dydy gosodiadau'r cyfrifiadur hwn ddim yn dweud pa {missing} i'w ddefnyddio ar gyfer Microsoft 365.</translation>
        </message>
        <message>
            <location filename="../app/m365/errors.py" line="306" />
            <source>Contact the service desk: the organisation settings file needs to be installed.</source>
            <translation>Cysylltwch â'r ddesg gwasanaeth: mae angen gosod ffeil gosodiadau'r sefydliad.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="180" />
            <source>Secure connection failed</source>
            <translation>Methodd y cysylltiad diogel</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="181" />
            <source>The connection to Microsoft 365 could not be verified as secure.</source>
            <translation>Doedd dim modd gwirio bod y cysylltiad â Microsoft 365 yn ddiogel.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="182" />
            <source>If you are on a public or hotel network, try another network; otherwise contact the service desk.</source>
            <translation>Os ydych chi ar rwydwaith cyhoeddus neu rwydwaith gwesty, rhowch gynnig ar rwydwaith arall; fel arall, cysylltwch â'r ddesg gwasanaeth.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="311" />
            <source>A file is in the way</source>
            <translation>Mae ffeil yn y ffordd</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="312" />
            <source>OneDrive already has a file called '{name}' where a folder is needed.</source>
            <translation>Mae gan OneDrive ffeil o'r enw '{name}' eisoes lle mae angen ffolder.</translation>
        </message>
        <message>
            <location filename="../app/m365/graph.py" line="313" />
            <source>Rename or move that file in OneDrive, then resume.</source>
            <translation>Ailenwch neu symudwch y ffeil honno yn OneDrive, yna ailddechreuwch.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="95" />
            <source>The receipt is too large to put in OneDrive; it is saved here.</source>
            <translation>Mae'r dderbynneb yn rhy fawr i'w rhoi yn OneDrive; mae wedi'i chadw yma.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="114" />
            <source>OneDrive did not store the receipt as it was sent.</source>
            <translation>Wnaeth OneDrive ddim cadw'r dderbynneb fel y cafodd ei hanfon.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="117" />
            <source>Stopped before the receipt was sent.</source>
            <translation>Wedi stopio cyn i'r dderbynneb gael ei hanfon.</translation>
        </message>
        <message>
            <location filename="../app/m365/receipt_upload.py" line="123" />
            <source>OneDrive's answer could not be read.</source>
            <translation>Doedd dim modd darllen ateb OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/m365/retention_labels.py" line="72" />
            <source>Retention labels were not set</source>
            <translation>Dydy'r labeli cadw ddim wedi'u gosod</translation>
        </message>
        <message>
            <location filename="../app/m365/retention_labels.py" line="73" />
            <source>Your files are in OneDrive, but their retention labels could not be set now.</source>
            <translation>Mae eich ffeiliau yn OneDrive, ond doedd dim modd gosod eu labeli cadw nawr.</translation>
        </message>
        <message>
            <location filename="../app/m365/retention_labels.py" line="74" />
            <source>Continue the migration later (resume) to set the labels still missing.</source>
            <translation>Parhewch â'r mudo yn nes ymlaen (ailddechrau) i osod y labeli sy'n dal ar goll.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="17" />
            <source>Blocked by your organisation</source>
            <translation>Wedi'i rwystro gan eich sefydliad</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="18" />
            <source>Your organisation's sign-in rules do not allow this sign-in from here.</source>
            <translation>Dydy rheolau mewngofnodi eich sefydliad ddim yn caniatáu mewngofnodi fel hyn o'r fan hon.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="19" />
            <source>Try on your work laptop on the work network, or contact the service desk.</source>
            <translation>Rhowch gynnig arni ar eich gliniadur gwaith ar y rhwydwaith gwaith, neu cysylltwch â'r ddesg gwasanaeth.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="22" />
            <source>Not allowed to use this app</source>
            <translation>Dim caniatâd i ddefnyddio'r ap hwn</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="23" />
            <source>Your account has not been given access to the migration assistant.</source>
            <translation>Dydy eich cyfrif ddim wedi cael mynediad i'r cynorthwyydd mudo.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="24" />
            <source>Contact the service desk and ask for access to the H: drive migration assistant.</source>
            <translation>Cysylltwch â'r ddesg gwasanaeth a gofynnwch am fynediad i'r cynorthwyydd sy'n mudo'r gyriant H: i OneDrive.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="27" />
            <source>App not approved</source>
            <translation>Ap heb ei gymeradwyo</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="28" />
            <source>Your organisation has not approved this app for your account yet.</source>
            <translation>Dydy eich sefydliad ddim wedi cymeradwyo'r ap hwn ar gyfer eich cyfrif eto.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="29" />
            <source>Contact the service desk: an administrator needs to grant consent.</source>
            <translation>Cysylltwch â'r ddesg gwasanaeth: mae angen i weinyddwr roi caniatâd.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="32" />
            <source>The app is not set up correctly</source>
            <translation>Dydy'r ap ddim wedi'i osod yn gywir</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="33" />
            <source>Microsoft 365 does not recognise this app's registration.</source>
            <translation>Dydy Microsoft 365 ddim yn adnabod cofrestriad yr ap hwn.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="34" />
            <source>Contact the service desk: the organisation settings need checking.</source>
            <translation>Cysylltwch â'r ddesg gwasanaeth: mae angen gwirio gosodiadau'r sefydliad.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="38" />
            <source>The app registration does not allow sign-in from a desktop app.</source>
            <translation>Dydy cofrestriad yr ap ddim yn caniatáu mewngofnodi o ap bwrdd gwaith.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="39" />
            <source>Contact the service desk: 'Allow public client flows' must be enabled.</source>
            <translation>Cysylltwch â'r ddesg gwasanaeth: rhaid galluogi 'Allow public client flows'.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="43" />
            <source>Microsoft 365 does not recognise the organisation (tenant) in the settings.</source>
            <translation>Dydy Microsoft 365 ddim yn adnabod y sefydliad (tenant) yn y gosodiadau.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="74" />
            <source>Sign-in not completed</source>
            <translation>Mewngofnodi heb ei gwblhau</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="75" />
            <source>The sign-in was declined or closed before it finished.</source>
            <translation>Cafodd y mewngofnodi ei wrthod neu ei gau cyn iddo orffen.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="76" />
            <source>Sign in again when you are ready.</source>
            <translation>Mewngofnodwch eto pan fyddwch chi'n barod.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="82" />
            <source>Sign-in declined</source>
            <translation>Mewngofnodi wedi'i wrthod</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="83" />
            <source>The sign-in with a code was declined on the other device.</source>
            <translation>Cafodd y mewngofnodi gyda chod ei wrthod ar y ddyfais arall.</translation>
        </message>
        <message>
            <location filename="../app/m365/signin_errors.py" line="84" />
            <source>Start again and accept the sign-in on the other device.</source>
            <translation>Dechreuwch eto a derbyniwch y mewngofnodi ar y ddyfais arall.</translation>
        </message>
        <message>
            <location filename="../app/m365/upload_outcomes.py" line="64" />
            <source>Unexpected answer from OneDrive</source>
            <translation>Ateb annisgwyl gan OneDrive</translation>
        </message>
        <message>
            <location filename="../app/m365/upload_outcomes.py" line="65" />
            <source>OneDrive sent an answer this app could not understand, so this file was not moved.</source>
            <translation>Anfonodd OneDrive ateb nad oedd yr ap hwn yn gallu ei ddeall, felly dydy'r ffeil hon ddim wedi'i symud.</translation>
        </message>
        <message>
            <location filename="../app/m365/upload_outcomes.py" line="66" />
            <source>Choose Try again. If it keeps happening, contact the service desk with the log.</source>
            <translation>Rhowch gynnig arall arni. Os bydd yn dal i ddigwydd, cysylltwch â'r ddesg gwasanaeth gyda'r log.</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="39" />
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln ffeil</numerusform>
                <numerusform>%Ln ffeil</numerusform>
                <numerusform>%Ln ffeil</numerusform>
                <numerusform>%Ln ffeil</numerusform>
                <numerusform>%Ln ffeil</numerusform>
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
            <translation>anhysbys</translation>
        </message>
        <message>
            <location filename="../app/ui/formatting.py" line="59" />
            <source>less than a minute</source>
            <translation>llai na munud</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="62" />
            <source>about %n minute(s)</source>
            <translation>
                <numerusform>tua %n munud</numerusform>
                <numerusform>tua %n munud</numerusform>
                <numerusform>tua %n munud</numerusform>
                <numerusform>tua %n munud</numerusform>
                <numerusform>tua %n munud</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="70" />
            <location filename="../app/ui/formatting.py" line="74" />
            <source>about %n hour(s)</source>
            <translation>
                <numerusform>tua %n awr</numerusform>
                <numerusform>tua %n awr</numerusform>
                <numerusform>tua %n awr</numerusform>
                <numerusform>tua %n awr</numerusform>
                <numerusform>tua %n awr</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/formatting.py" line="71" />
            <source>about {hours} and {minutes}</source>
            <translation>tua {hours} a {minutes}</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="72" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n awr</numerusform>
                <numerusform>%n awr</numerusform>
                <numerusform>%n awr</numerusform>
                <numerusform>%n awr</numerusform>
                <numerusform>%n awr</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/formatting.py" line="72" />
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n munud</numerusform>
                <numerusform>%n munud</numerusform>
                <numerusform>%n munud</numerusform>
                <numerusform>%n munud</numerusform>
                <numerusform>%n munud</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HandBackDialog</name>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="79" />
            <source>Check this laptop before you hand it back</source>
            <translation>Gwirio'r gliniadur hwn cyn i chi ei roi'n ôl</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="84" />
            <source>Your old laptop will be wiped. This check looks at the folders below and lists every file that is not in your OneDrive with exactly the same contents, so nothing of yours is left only on this laptop.</source>
            <translation>Bydd eich hen liniadur yn cael ei glirio'n llwyr. Mae'r gwiriad hwn yn edrych ar y ffolderi isod ac yn rhestru pob ffeil sydd ddim yn eich OneDrive gyda'r un cynnwys yn union, fel nad oes dim byd o'ch eiddo chi ar ôl ar y gliniadur hwn yn unig.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="92" />
            <source>&amp;Folders to check:</source>
            <translation>&amp;Ffolderi i'w gwirio:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="96" />
            <source>This laptop's folders that the check looks at</source>
            <translation>Ffolderi'r gliniadur hwn mae'r gwiriad yn edrych arnyn nhw</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="103" />
            <source>&amp;Add a folder...</source>
            <translation>&amp;Ychwanegu ffolder...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="103" />
            <source>Choose another folder on this laptop to check</source>
            <translation>Dewis ffolder arall ar y gliniadur hwn i'w wirio</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="107" />
            <source>&amp;Check now</source>
            <translation>&amp;Gwirio nawr</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="107" />
            <source>Compares every file with your OneDrive</source>
            <translation>Yn cymharu pob ffeil â'ch OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="110" />
            <source>&amp;Stop</source>
            <translation>&amp;Stopio</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="110" />
            <source>Stops the check</source>
            <translation>Yn stopio'r gwiriad</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="120" />
            <location filename="../app/ui/pages/hand_back.py" line="267" />
            <source>Check result</source>
            <translation>Canlyniad y gwiriad</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="122" />
            <source>&amp;Files not safely in OneDrive:</source>
            <translation>Ffe&amp;iliau sydd ddim yn ddiogel yn OneDrive:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="126" />
            <source>One row per file: where it is on this laptop, its status, and OneDrive's</source>
            <translation>Un rhes i bob ffeil: ble mae hi ar y gliniadur hwn, ei statws, a statws OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="129" />
            <source>File on this laptop</source>
            <translation>Ffeil ar y gliniadur hwn</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="129" />
            <source>In OneDrive</source>
            <translation>Yn OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="129" />
            <source>Status</source>
            <translation>Statws</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="140" />
            <source>&amp;Move them with the assistant</source>
            <translation>&amp;Eu symud gyda'r cynorthwyydd</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="141" />
            <source>Closes this window and starts moving the first folder with files at risk</source>
            <translation>Yn cau'r ffenestr hon ac yn dechrau symud y ffolder cyntaf sydd â ffeiliau mewn perygl</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="147" />
            <source>Close</source>
            <translation>Cau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="172" />
            <source>No folders found on this laptop. Add the folders to check.</source>
            <translation>Heb ddod o hyd i ffolderi ar y gliniadur hwn. Ychwanegwch y ffolderi i'w gwirio.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="183" />
            <source>Choose a folder to check</source>
            <translation>Dewis ffolder i'w wirio</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="194" />
            <source>Checking...</source>
            <translation>Wrthi'n gwirio...</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/hand_back.py" line="212" />
            <source>Checked %n file(s)...</source>
            <translation>
                <numerusform>Wedi gwirio %n ffeil...</numerusform>
                <numerusform>Wedi gwirio %n ffeil...</numerusform>
                <numerusform>Wedi gwirio %n ffeil...</numerusform>
                <numerusform>Wedi gwirio %n ffeil...</numerusform>
                <numerusform>Wedi gwirio %n ffeil...</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="227" />
            <source>Not in OneDrive</source>
            <translation>Ddim yn OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="228" />
            <source>Different in OneDrive</source>
            <translation>Yn wahanol yn OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="229" />
            <source>Could not be read</source>
            <translation>Doedd dim modd ei darllen</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/hand_back.py" line="240" />
            <source>All %n file(s) are safely in your OneDrive. Nothing is left only on this laptop: you can hand it back.</source>
            <translation>
                <numerusform>Does dim ffeiliau i'w gwirio (%n). Does dim byd ar ôl ar y gliniadur hwn yn unig: gallwch ei roi'n ôl.</numerusform>
                <numerusform>Mae'r %n ffeil yn ddiogel yn eich OneDrive. Does dim byd ar ôl ar y gliniadur hwn yn unig: gallwch ei roi'n ôl.</numerusform>
                <numerusform>Mae'r %n ffeil i gyd yn ddiogel yn eich OneDrive. Does dim byd ar ôl ar y gliniadur hwn yn unig: gallwch ei roi'n ôl.</numerusform>
                <numerusform>Mae'r %n ffeil i gyd yn ddiogel yn eich OneDrive. Does dim byd ar ôl ar y gliniadur hwn yn unig: gallwch ei roi'n ôl.</numerusform>
                <numerusform>Mae'r %n ffeil i gyd yn ddiogel yn eich OneDrive. Does dim byd ar ôl ar y gliniadur hwn yn unig: gallwch ei roi'n ôl.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/hand_back.py" line="246" />
            <source>%n file(s) are not safely in your OneDrive.</source>
            <translation>
                <numerusform>Mae %n ffeil sydd ddim yn ddiogel yn eich OneDrive.</numerusform>
                <numerusform>Mae %n ffeil sydd ddim yn ddiogel yn eich OneDrive.</numerusform>
                <numerusform>Mae %n ffeil sydd ddim yn ddiogel yn eich OneDrive.</numerusform>
                <numerusform>Mae %n ffeil sydd ddim yn ddiogel yn eich OneDrive.</numerusform>
                <numerusform>Mae %n ffeil sydd ddim yn ddiogel yn eich OneDrive.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="248" />
            <source>The check was stopped before the end.</source>
            <translation>Cafodd y gwiriad ei stopio cyn y diwedd.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/hand_back.py" line="250" />
            <source>The first {shown} are listed.</source>
            <translation>Mae'r {shown} cyntaf wedi'u rhestru.</translation>
        </message>
    </context>
    <context>
        <name>MigrationWizard</name>
        <message>
            <location filename="../app/ui/wizard.py" line="36" />
            <source>Practice mode</source>
            <translation>Modd ymarfer</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="75" />
            <source>&amp;Back</source>
            <translation>&amp;Yn ôl</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="76" />
            <source>&amp;Next</source>
            <translation>&amp;Nesaf</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="77" />
            <source>Cancel</source>
            <translation>Canslo</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="78" />
            <source>&amp;Finish</source>
            <translation>&amp;Gorffen</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="85" />
            <source>Go to the next step</source>
            <translation>Mynd i'r cam nesaf</translation>
        </message>
        <message>
            <location filename="../app/ui/wizard.py" line="88" />
            <source>Go back one step</source>
            <translation>Mynd yn ôl un cam</translation>
        </message>
    </context>
    <context>
        <name>ProgressPage</name>
        <message>
            <location filename="../app/ui/pages/progress.py" line="43" />
            <source>{percent} percent, {done} of {total} files</source>
            <translation>{percent} y cant, {done} o {total} o ffeiliau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="47" />
            <source>{time} left</source>
            <translation>{time} ar ôl</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="53" />
            <source>Moving your files</source>
            <translation>Yn symud eich ffeiliau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="59" />
            <source>Overall progress</source>
            <translation>Cynnydd cyffredinol</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="68" />
            <location filename="../app/ui/pages/progress.py" line="163" />
            <location filename="../app/ui/pages/progress.py" line="302" />
            <source>&amp;Pause</source>
            <translation>&amp;Oedi</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="68" />
            <source>Pause after the current pieces</source>
            <translation>Oedi ar ôl y darnau sy'n cael eu hanfon nawr</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="72" />
            <source>S&amp;top for now</source>
            <translation>S&amp;topio am y tro</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="72" />
            <source>Stop safely; you can continue later</source>
            <translation>Stopio'n ddiogel; gallwch barhau yn nes ymlaen</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="75" />
            <source>&amp;Read progress</source>
            <translation>&amp;Darllen y cynnydd</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="75" />
            <source>Ctrl+R reads it aloud</source>
            <translation>Mae Ctrl+R yn ei ddarllen yn uchel</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="79" />
            <source>Receipt so &amp;far</source>
            <translation>Derbynneb hyd &amp;yma</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="80" />
            <source>Saves the receipt of what has moved until now, in Documents and OneDrive</source>
            <translation>Yn cadw derbynneb o'r hyn sydd wedi symud hyd yma, yn eich ffolder Dogfennau ac yn OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="88" />
            <source>Moving now:</source>
            <translation>Yn symud nawr:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="90" />
            <source>Files moving now</source>
            <translation>Ffeiliau sy'n symud nawr</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="93" />
            <source>Needing attention:</source>
            <translation>Angen sylw:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="95" />
            <source>Files needing attention, with what to do</source>
            <translation>Ffeiliau sydd angen sylw, a beth i'w wneud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="113" />
            <source>Every step</source>
            <translation>Pob cam</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="114" />
            <source>At 25, 50 and 75 percent</source>
            <translation>Ar 25, 50 a 75 y cant</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="115" />
            <source>Only at the end</source>
            <translation>Ar y diwedd yn unig</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="120" />
            <source>&amp;Announce progress:</source>
            <translation>&amp;Cyhoeddi'r cynnydd:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="123" />
            <source>How often a screen reader hears how far the move has got</source>
            <translation>Pa mor aml mae darllenydd sgrin yn clywed pa mor bell mae'r symud wedi cyrraedd</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="164" />
            <source>Starting...</source>
            <translation>Yn dechrau...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="209" />
            <source>{words}. {done} of {total} moved.</source>
            <translation>{words}. Wedi symud {done} o {total}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="216" />
            <source>Done: {done}. Waiting: {waiting}. Needing attention: {failed}.</source>
            <translation>Wedi'u gwneud: {done}. Yn aros: {waiting}. Angen sylw: {failed}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="229" />
            <source>Setting retention labels: {done} of {total}</source>
            <translation>Yn gosod labeli cadw: {done} o {total}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="303" />
            <source>Resumed.</source>
            <translation>Wedi ailddechrau.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="306" />
            <source>&amp;Resume</source>
            <translation>&amp;Ailddechrau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="307" />
            <source>Paused.</source>
            <translation>Wedi oedi.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="339" />
            <source>Finished moving your files. Press Next for your receipt.</source>
            <translation>Wedi gorffen symud eich ffeiliau. Pwyswch Nesaf i gael eich derbynneb.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/progress.py" line="357" />
            <source>Stopped safely. Nothing is lost: next time the assistant offers to continue.</source>
            <translation>Wedi stopio'n ddiogel. Does dim byd wedi'i golli: y tro nesaf bydd y cynorthwyydd yn cynnig parhau.</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <location filename="../app/ui/receipt.py" line="51" />
            <source>Moved {moved} to OneDrive.</source>
            <translation>Wedi symud {moved} i OneDrive.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/receipt.py" line="55" />
            <source>%n file(s) need your attention.</source>
            <translation>
                <numerusform>Mae angen i chi edrych ar %n ffeil.</numerusform>
                <numerusform>Mae angen i chi edrych ar %n ffeil.</numerusform>
                <numerusform>Mae angen i chi edrych ar %n ffeil.</numerusform>
                <numerusform>Mae angen i chi edrych ar %n ffeil.</numerusform>
                <numerusform>Mae angen i chi edrych ar %n ffeil.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="59" />
            <source>Account: {a}</source>
            <translation>Cyfrif: {a}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="59" />
            <source>H: drive migration receipt</source>
            <translation>Derbynneb mudo gyriant H:</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="60" />
            <source>OneDrive folder: {d}</source>
            <translation>Ffolder OneDrive: {d}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="74" />
            <source>Deleted from the H: drive afterwards: {what}</source>
            <translation>Wedi'u dileu o'r gyriant H: wedyn: {what}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="116" />
            <source>Your receipt is saved in {folder}.</source>
            <translation>Mae eich derbynneb wedi'i chadw yn {folder}.</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="119" />
            <source>The receipt could not be saved on this computer: {why}</source>
            <translation>Doedd dim modd cadw'r dderbynneb ar y cyfrifiadur hwn: {why}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="125" />
            <source>A copy is in your OneDrive: {names}.</source>
            <translation>Mae copi yn eich OneDrive: {names}.</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="129" />
            <source>{name} could not be put in OneDrive: {why}</source>
            <translation>Doedd dim modd rhoi {name} yn OneDrive: {why}</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="155" />
            <source>Moved to OneDrive and checked</source>
            <translation>Wedi'u symud i OneDrive a'u gwirio</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="156" />
            <source>Left on your H: drive</source>
            <translation>Wedi'u gadael ar eich gyriant H: (heb eu symud)</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="157" />
            <source>Cannot move</source>
            <translation>Dim modd eu symud</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="158" />
            <source>Needing attention</source>
            <translation>Angen sylw</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="180" />
            <source>Already in OneDrive with the same content</source>
            <translation>Yn OneDrive yn barod gyda'r un cynnwys</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="182" />
            <source>Renamed for OneDrive</source>
            <translation>Wedi'u hailenwi ar gyfer OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="184" />
            <source>Your choice</source>
            <translation>Eich dewis</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="187" />
            <source>Could not be moved</source>
            <translation>Doedd dim modd eu symud</translation>
        </message>
        <message>
            <location filename="../app/ui/receipt.py" line="189" />
            <source>Not moved yet: continue the migration to finish</source>
            <translation>Heb eu symud eto: parhewch â'r mudo i orffen</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../app/ui/review_common.py" line="35" />
            <source>will move</source>
            <translation>yn symud</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="36" />
            <source>please review</source>
            <translation>adolygwch</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="37" />
            <source>will be discarded</source>
            <translation>i'w gwaredu</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="38" />
            <source>cannot move</source>
            <translation>dim modd symud</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="65" />
            <source>Cannot move</source>
            <translation>Dim modd symud</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="68" />
            <source>Will move (please review)</source>
            <translation>Yn symud (adolygwch)</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="69" />
            <source>Will move</source>
            <translation>Yn symud</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="71" />
            <source>Left on the H: drive (required)</source>
            <translation>Yn aros ar y gyriant H: (gorfodol)</translation>
        </message>
        <message>
            <location filename="../app/ui/review_common.py" line="72" />
            <source>Left on the H: drive</source>
            <translation>Yn aros ar y gyriant H:</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="70" />
            <source>Nothing to change</source>
            <translation>Dim byd i'w newid</translation>
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
                <numerusform> (rydych chi wedi dewis symud %n)</numerusform>
                <numerusform> (rydych chi wedi dewis symud %n)</numerusform>
                <numerusform> (rydych chi wedi dewis symud %n)</numerusform>
                <numerusform> (rydych chi wedi dewis symud %n)</numerusform>
                <numerusform> (rydych chi wedi dewis symud %n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="102" />
            <location filename="../app/ui/review_tree_model.py" line="44" />
            <source>Name</source>
            <translation>Enw</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="103" />
            <source>Folder</source>
            <translation>Ffolder</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="104" />
            <location filename="../app/ui/review_tree_model.py" line="45" />
            <source>Size</source>
            <translation>Maint</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="105" />
            <location filename="../app/ui/review_tree_model.py" line="46" />
            <source>Modified</source>
            <translation>Newidiwyd</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="106" />
            <location filename="../app/ui/review_tree_model.py" line="47" />
            <source>What will happen</source>
            <translation>Beth fydd yn digwydd</translation>
        </message>
        <message>
            <location filename="../app/ui/review_models.py" line="153" />
            <source>(top level)</source>
            <translation>(lefel uchaf)</translation>
        </message>
        <message>
            <location filename="../app/ui/review_tree_model.py" line="230" />
            <source>All of it moves</source>
            <translation>Mae'r cyfan yn symud</translation>
        </message>
        <message>
            <location filename="../app/ui/review_tree_model.py" line="232" />
            <source>Nothing in it moves</source>
            <translation>Does dim ohono'n symud</translation>
        </message>
        <message>
            <location filename="../app/ui/review_tree_model.py" line="233" />
            <source>Some of it moves</source>
            <translation>Mae rhywfaint ohono'n symud</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../app/ui/pages/review.py" line="64" />
            <source>What will move</source>
            <translation>Beth fydd yn symud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="65" />
            <source>Check the guidance. You can change most choices; the reasons are shown.</source>
            <translation>Edrychwch ar y canllawiau. Gallwch newid y rhan fwyaf o'r dewisiadau; mae'r rhesymau i'w gweld.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="69" />
            <source>Ways to review</source>
            <translation>Ffyrdd o adolygu</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="72" />
            <source>Details</source>
            <translation>Manylion</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="75" />
            <source>&amp;Details of the selected item:</source>
            <translation>&amp;Manylion yr eitem a ddewiswyd:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="93" />
            <source>One line per kind of file, with what the guidance says to do</source>
            <translation>Un llinell i bob math o ffeil, gyda'r hyn mae'r canllawiau'n dweud i'w wneud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="95" />
            <source>&amp;Kinds of files:</source>
            <translation>M&amp;athau o ffeiliau:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="103" />
            <source>Follow the guidance</source>
            <translation>Dilyn y canllawiau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="104" />
            <source>Move all of them</source>
            <translation>Symud pob un ohonyn nhw</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="105" />
            <source>Leave all of them on the H: drive</source>
            <translation>Gadael pob un ohonyn nhw ar y gyriant H:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="106" />
            <source>Your own choices</source>
            <translation>Eich dewisiadau eich hun</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="109" />
            <source>For &amp;this kind of file:</source>
            <translation>Ar gyfer y math &amp;hwn o ffeil:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="111" />
            <source>What to do with this kind of file</source>
            <translation>Beth i'w wneud gyda'r math hwn o ffeil</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="125" />
            <source>F&amp;iles of this kind (Space ticks or unticks):</source>
            <translation>Ffe&amp;iliau o'r math hwn (mae Bylchwr yn ticio neu'n dad-dicio):</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="127" />
            <source>By &amp;guidance</source>
            <translation>Yn ôl y &amp;canllawiau</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="136" />
            <source>Clear the filter</source>
            <translation>Clirio'r hidlydd</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="137" />
            <source>Part of a file name</source>
            <translation>Rhan o enw ffeil</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="139" />
            <source>Fi&amp;lter by name:</source>
            <translation>Hid&amp;lo yn ôl enw:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="145" />
            <source>Folders and files with check boxes: ticked items will move</source>
            <translation>Ffolderi a ffeiliau gyda blychau ticio: bydd yr eitemau sydd wedi'u ticio yn symud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="147" />
            <source>&amp;Folders and files:</source>
            <translation>&amp;Ffolderi a ffeiliau:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="148" />
            <source>By f&amp;older</source>
            <translation>Yn ôl ffol&amp;der</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="204" />
            <source>These files cannot be moved to OneDrive, so there is no choice.</source>
            <translation>Does dim modd symud y ffeiliau hyn i OneDrive, felly does dim dewis.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="206" />
            <location filename="../app/ui/pages/review.py" line="281" />
            <source>The retention policy does not allow changing this.</source>
            <translation>Dydy'r polisi cadw ddim yn caniatáu newid hyn.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="258" />
            <source>Folder {path}: {all}. {moving} of them will move.</source>
            <translation>Ffolder {path}: {all}. Bydd {moving} ohonyn nhw'n symud.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="271" />
            <source>{size}, last changed {date}.</source>
            <translation>{size}, newidiwyd ddiwethaf {date}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="285" />
            <source>OneDrive does not allow this name; it will be saved as: {name}</source>
            <translation>Dydy OneDrive ddim yn caniatáu'r enw hwn; bydd yn cael ei chadw fel: {name}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/review.py" line="317" />
            <source>✔ Will move: {move}.   ✖ Left on the H: drive: {left}.   ⊘ Cannot move: {cannot}.</source>
            <translation>✔ Yn symud: {move}.   ✖ Yn aros ar y gyriant H: – {left}.   ⊘ Dim modd symud: {cannot}.</translation>
        </message>
    </context>
    <context>
        <name>ScanPage</name>
        <message>
            <location filename="../app/ui/pages/scan.py" line="23" />
            <location filename="../app/ui/pages/scan.py" line="41" />
            <source>Looking through your H: drive</source>
            <translation>Yn edrych drwy eich gyriant H:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="27" />
            <source>C&amp;hoose a different folder...</source>
            <translation>&amp;Dewis ffolder gwahanol...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="28" />
            <source>Pick the folder to move if the H: drive shown is not the right one</source>
            <translation>Dewiswch y ffolder i'w symud os nad y gyriant H: a ddangosir yw'r un cywir</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="31" />
            <source>&amp;Stop looking</source>
            <translation>&amp;Stopio edrych</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="33" />
            <source>&amp;Look again</source>
            <translation>&amp;Edrych eto</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="48" />
            <source>I confirm this folder is mine and I want to move it to my OneDrive</source>
            <translation>Rwy'n cadarnhau mai fi biau'r ffolder hwn a fy mod am ei symud i fy OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="61" />
            <source>Your H: drive: {path}</source>
            <translation>Eich gyriant H: – {path}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="67" />
            <source>⚠ The assistant could not find your H: drive.</source>
            <translation>⚠ Doedd y cynorthwyydd ddim yn gallu dod o hyd i'ch gyriant H:</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="70" />
            <source>Choose the folder to move.</source>
            <translation>Dewiswch y ffolder i'w symud.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="83" />
            <source>Starting...</source>
            <translation>Yn dechrau...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="102" />
            <source>Checking {files} against the retention guidance...</source>
            <translation>Yn gwirio {files} yn erbyn y canllawiau cadw...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="110" />
            <source>Found so far: {files} in {folders}, {size}.</source>
            <translation>Hyd yma: {files} mewn {folders}, {size}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/scan.py" line="112" />
            <source>%Ln folder(s)</source>
            <translation>
                <numerusform>%Ln ffolder</numerusform>
                <numerusform>%Ln ffolder</numerusform>
                <numerusform>%Ln ffolder</numerusform>
                <numerusform>%Ln ffolder</numerusform>
                <numerusform>%Ln ffolder</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="116" />
            <source>Looking in: {folder}</source>
            <translation>Yn edrych yn: {folder}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="130" />
            <source>Finished: {files}, {size}.</source>
            <translation>Wedi gorffen: {files}, {size}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/scan.py" line="134" />
            <source>%n item(s) could not be read.</source>
            <translation>
                <numerusform>Doedd dim modd darllen %n eitem.</numerusform>
                <numerusform>Doedd dim modd darllen %n eitem.</numerusform>
                <numerusform>Doedd dim modd darllen %n eitem.</numerusform>
                <numerusform>Doedd dim modd darllen %n eitem.</numerusform>
                <numerusform>Doedd dim modd darllen %n eitem.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../app/ui/pages/scan.py" line="136" />
            <source>%n file(s) cannot move.</source>
            <translation>
                <numerusform>Does dim modd symud %n ffeil.</numerusform>
                <numerusform>Does dim modd symud %n ffeil.</numerusform>
                <numerusform>Does dim modd symud %n ffeil.</numerusform>
                <numerusform>Does dim modd symud %n ffeil.</numerusform>
                <numerusform>Does dim modd symud %n ffeil.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="138" />
            <source>Press Next to see what will move.</source>
            <translation>Pwyswch Nesaf i weld beth fydd yn symud.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="157" />
            <source>Stopped. Press Look again to start over.</source>
            <translation>Wedi stopio. Pwyswch Edrych eto i ddechrau o'r newydd.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="166" />
            <source>Choose the folder to move</source>
            <translation>Dewis y ffolder i'w symud</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="193" />
            <source>⚠ This folder seems to belong to {expected}, but you signed in as {actual}.</source>
            <translation>⚠ Mae'n ymddangos mai {expected} biau'r ffolder hwn, ond rydych chi wedi mewngofnodi fel {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="197" />
            <source>⚠ The assistant could not check who owns this folder. You signed in as {actual}.</source>
            <translation>⚠ Doedd y cynorthwyydd ddim yn gallu gwirio pwy biau'r ffolder hwn. Rydych chi wedi mewngofnodi fel {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/scan.py" line="201" />
            <source>Your organisation does not allow moving someone else's H: drive. Choose your own folder, sign in with the right account, or ask the service desk.</source>
            <translation>Dydy eich sefydliad ddim yn caniatáu symud gyriant H: rhywun arall. Dewiswch eich ffolder eich hun, mewngofnodwch gyda'r cyfrif cywir, neu gofynnwch i'r ddesg gwasanaeth.</translation>
        </message>
    </context>
    <context>
        <name>SignInPage</name>
        <message>
            <location filename="../app/ui/pages/signin.py" line="24" />
            <source>Sign in</source>
            <translation>Mewngofnodi</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="28" />
            <source>Sign in with the same work account you use for email. A sign-in window opens in your web browser; come back here when it says you are done.</source>
            <translation>Mewngofnodwch gyda'r un cyfrif gwaith rydych chi'n ei ddefnyddio ar gyfer e-bost. Bydd ffenestr fewngofnodi'n agor yn eich porwr gwe; dewch yn ôl yma pan fydd yn dweud eich bod wedi gorffen.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="33" />
            <source>&amp;Sign in with your work account</source>
            <translation>&amp;Mewngofnodi gyda'ch cyfrif gwaith</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="34" />
            <source>Opens the Microsoft sign-in page in your web browser</source>
            <translation>Yn agor tudalen fewngofnodi Microsoft yn eich porwr gwe</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="38" />
            <source>Sign in with a c&amp;ode on another device</source>
            <translation>Mewngofnodi gyda &amp;chod ar ddyfais arall</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="39" />
            <source>Shows a code to type on a phone or another computer</source>
            <translation>Yn dangos cod i'w deipio ar ffôn neu gyfrifiadur arall</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="43" />
            <source>C&amp;ancel sign-in</source>
            <translation>C&amp;anslo mewngofnodi</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="51" />
            <source>&amp;Training account (practice only):</source>
            <translation>Cyfrif &amp;hyfforddi (ymarfer yn unig):</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="55" />
            <source>Training account</source>
            <translation>Cyfrif hyfforddi</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="57" />
            <source>Sign in as this &amp;trainee</source>
            <translation>Mewngofnodi fel yr hyff&amp;orddai hwn</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="58" />
            <source>Practice mode only: signs in without a password</source>
            <translation>Modd ymarfer yn unig: yn mewngofnodi heb gyfrinair</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="84" />
            <source>I confirm this H: drive is mine and I want to move it to my OneDrive</source>
            <translation>Rwy'n cadarnhau mai fi biau'r gyriant H: hwn a fy mod am ei symud i fy OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="116" />
            <source>Waiting for you to finish signing in in your web browser...</source>
            <translation>Yn aros i chi orffen mewngofnodi yn eich porwr gwe...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="123" />
            <source>Signing in as the training account {upn}...</source>
            <translation>Yn mewngofnodi fel y cyfrif hyfforddi {upn}...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="132" />
            <source>Getting a sign-in code...</source>
            <translation>Yn cael cod mewngofnodi...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="146" />
            <source>Your web browser did not open. Open this address in a browser on this computer to sign in, then come back here: {url}</source>
            <translation>Wnaeth eich porwr gwe ddim agor. Agorwch y cyfeiriad hwn mewn porwr ar y cyfrifiadur hwn i fewngofnodi, yna dewch yn ôl yma: {url}</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="158" />
            <source>On another device, go to {url} and enter the code {code}. Then come back here.</source>
            <translation>Ar ddyfais arall, ewch i {url} a rhowch y cod {code}. Yna dewch yn ôl yma.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="162" />
            <source>Sign-in code</source>
            <translation>Cod mewngofnodi</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="164" />
            <source>Waiting for you to enter the code on the other device...</source>
            <translation>Yn aros i chi roi'r cod ar y ddyfais arall...</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="180" />
            <source>Your OneDrive has {free} free.</source>
            <translation>Mae gan eich OneDrive {free} yn rhydd.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="184" />
            <source>Signed in as {name} ({user}).</source>
            <translation>Wedi mewngofnodi fel {name} ({user}).</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="203" />
            <source>⚠ This H: drive seems to belong to {expected}, but you signed in as {actual}.</source>
            <translation>⚠ Mae'n ymddangos mai {expected} biau'r gyriant H: hwn, ond rydych chi wedi mewngofnodi fel {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="207" />
            <source>⚠ The assistant could not check who owns this H: drive. You signed in as {actual}.</source>
            <translation>⚠ Doedd y cynorthwyydd ddim yn gallu gwirio pwy biau'r gyriant H: hwn. Rydych chi wedi mewngofnodi fel {actual}.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="211" />
            <source>Your organisation does not allow moving someone else's H: drive. Sign in with the right account, or ask the service desk.</source>
            <translation>Dydy eich sefydliad ddim yn caniatáu symud gyriant H: rhywun arall. Mewngofnodwch gyda'r cyfrif cywir, neu gofynnwch i'r ddesg gwasanaeth.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/signin.py" line="230" />
            <source>Sign-in was cancelled. You can try again.</source>
            <translation>Cafodd y mewngofnodi ei ganslo. Gallwch roi cynnig arall arni.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="18" />
            <source>Move your H: drive to OneDrive</source>
            <translation>Symud eich gyriant H: i OneDrive</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="22" />
            <source>This assistant copies the files on your H: drive into your OneDrive, in a folder called "{folder}". Only you can see that folder unless you share it.</source>
            <translation>Mae'r cynorthwyydd hwn yn copïo'r ffeiliau ar eich gyriant H: i'ch OneDrive, mewn ffolder o'r enw "{folder}". Dim ond chi sy'n gallu gweld y ffolder hwnnw oni bai eich bod yn ei rannu.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="28" />
            <source>What will happen:
1. You sign in with your work account.
2. The assistant looks through your H: drive (this takes a few minutes).
3. You see what will move, what the retention guidance says to leave behind, and why. You can change most choices.
4. Your files are copied and every copy is checked.
5. You get a receipt of what moved and what did not.</source>
            <translation>Beth fydd yn digwydd:
1. Rydych chi'n mewngofnodi gyda'ch cyfrif gwaith.
2. Mae'r cynorthwyydd yn edrych drwy eich gyriant H: (mae hyn yn cymryd ychydig funudau).
3. Rydych chi'n gweld beth fydd yn symud, beth mae'r canllawiau cadw'n dweud i'w adael ar ôl, a pham. Gallwch newid y rhan fwyaf o'r dewisiadau.
4. Mae eich ffeiliau'n cael eu copïo ac mae pob copi'n cael ei wirio.
5. Rydych chi'n cael derbynneb o'r hyn a symudodd a'r hyn na symudodd.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="39" />
            <source>Most H: drives take between 15 minutes and an hour. You can keep working while it runs, pause it, or close the assistant and continue later.</source>
            <translation>Mae'r rhan fwyaf o yriannau H: yn cymryd rhwng 15 munud ac awr. Gallwch ddal ati i weithio tra bydd yn rhedeg, ei oedi, neu gau'r cynorthwyydd a pharhau yn nes ymlaen.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="45" />
            <source>Nothing on your H: drive is changed or deleted unless you ask for it at the very end, after you have seen exactly what would be deleted.</source>
            <translation>Does dim byd ar eich gyriant H: yn cael ei newid na'i ddileu oni bai eich bod yn gofyn am hynny ar y diwedd un, ar ôl i chi weld yn union beth fyddai'n cael ei ddileu.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="52" />
            <source>&amp;Continue where you left off</source>
            <translation>&amp;Parhau o'r man lle gwnaethoch chi adael</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="53" />
            <source>Carry on with the migration you started before</source>
            <translation>Bwrw ymlaen â'r mudo a ddechreuoch chi o'r blaen</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="118" />
            <source>You started moving your files before and {left} still need to be moved ({done} of {total} already in OneDrive). You can continue where you left off, or press Next to start again.</source>
            <translation>Fe ddechreuoch chi symud eich ffeiliau o'r blaen ac mae angen symud {left} o hyd ({done} o {total} yn OneDrive yn barod). Gallwch barhau o'r man lle gwnaethoch chi adael, neu bwyso Nesaf i ddechrau eto.</translation>
        </message>
        <message>
            <location filename="../app/ui/pages/welcome.py" line="128" />
            <source>It was started by {account}; sign in as that account to continue.</source>
            <translation>Cafodd ei ddechrau gan {account}; mewngofnodwch fel y cyfrif hwnnw i barhau.</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <location filename="../app/ui/workers.py" line="105" />
            <source>Something went wrong</source>
            <translation>Aeth rhywbeth o'i le</translation>
        </message>
        <message>
            <location filename="../app/ui/workers.py" line="106" />
            <source>The assistant met an unexpected problem while working.</source>
            <translation>Cafodd y cynorthwyydd broblem annisgwyl wrth weithio.</translation>
        </message>
        <message>
            <location filename="../app/ui/workers.py" line="107" />
            <source>Try again. If it happens again, ask the service desk for help.</source>
            <translation>Rhowch gynnig arall arni. Os bydd yn digwydd eto, gofynnwch i'r ddesg gwasanaeth am help.</translation>
        </message>
    </context>
</TS>
