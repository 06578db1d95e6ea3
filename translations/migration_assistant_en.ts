<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>ConfirmPage</name>
    <message numerus="yes">
        <location filename="../app/ui/pages/confirm.py" line="110" />
        <source>%n file(s) cannot move and stay where they are.</source>
        <translation>
            <numerusform>%n file cannot move and stay where they are.</numerusform><numerusform>%n files cannot move and stay where they are.</numerusform></translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message numerus="yes">
        <location filename="../app/ui/pages/done.py" line="106" />
        <source>Delete %n file(s)</source>
        <translation>
            <numerusform>Delete %n file</numerusform><numerusform>Delete %n files</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/done.py" line="140" />
        <source>%n file(s) could not be deleted:</source>
        <translation>
            <numerusform>%n file could not be deleted:</numerusform><numerusform>%n files could not be deleted:</numerusform></translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message numerus="yes">
        <location filename="../app/ui/pages/scan.py" line="103" />
        <source>%Ln folder(s)</source>
        <translation>
            <numerusform>%Ln folder</numerusform><numerusform>%Ln folders</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/scan.py" line="125" />
        <source>%n item(s) could not be read.</source>
        <translation>
            <numerusform>%n item could not be read.</numerusform><numerusform>%n items could not be read.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/scan.py" line="127" />
        <source>%n file(s) cannot move.</source>
        <translation>
            <numerusform>%n file cannot move.</numerusform><numerusform>%n files cannot move.</numerusform></translation>
    </message>
</context>
<context><name>Formatting</name><message numerus="yes">
        <location filename="../app/ui/formatting.py" line="40" />
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform><numerusform>%Ln files</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/formatting.py" line="68" />
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>about %n minute</numerusform><numerusform>about %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/formatting.py" line="76" />
        <location filename="../app/ui/formatting.py" line="80" />
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>about %n hour</numerusform><numerusform>about %n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/formatting.py" line="78" />
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/formatting.py" line="78" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    </context><context><name>Receipt</name><message numerus="yes">
        <location filename="../app/ui/receipt.py" line="49" />
        <source>%n file(s) need your attention.</source>
        <translation>
            <numerusform>%n file need your attention.</numerusform><numerusform>%n files need your attention.</numerusform></translation>
    </message>
    </context><context><name>Review</name><message numerus="yes">
        <location filename="../app/ui/review_models.py" line="104" />
        <source> (you chose to move %n)</source>
        <translation>
            <numerusform> (you chose to move %n)</numerusform><numerusform> (you chose to move %n)</numerusform></translation>
    </message>
</context></TS>