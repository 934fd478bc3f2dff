<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupSection</name>
    <message numerus="yes">
        <source>%1, %n case(s)</source>
        <translation>
            <numerusform>%1, %n case</numerusform>
            <numerusform>%1, %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backed up and checked: %n case(s).</source>
        <translation>
            <numerusform>Backed up and checked: %n case.</numerusform>
            <numerusform>Backed up and checked: %n cases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found</source>
        <translation>
            <numerusform>%n case found</numerusform>
            <numerusform>%n cases found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>%n in all</numerusform>
            <numerusform>%n in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message numerus="yes">
        <source>%n file(s) exported to %1</source>
        <translation>
            <numerusform>%n file exported to %1</numerusform>
            <numerusform>%n files exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message numerus="yes">
        <source>%n screening visit(s)</source>
        <translation>
            <numerusform>%n screening visit</numerusform>
            <numerusform>%n screening visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerDonePage</name>
    <message numerus="yes">
        <source>%n case(s) imported, all at the accepted (受理) stage and marked as coming from the ledger.</source>
        <translation>
            <numerusform>%n case imported, at the accepted stage and marked as coming from the ledger.</numerusform>
            <numerusform>%n cases imported, all at the accepted stage and marked as coming from the ledger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were left out (listed below).</source>
        <translation>
            <numerusform>%n row was left out (listed below).</numerusform>
            <numerusform>%n rows were left out (listed below).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) cannot be imported (listed below).</source>
        <translation>
            <numerusform>Nothing was imported: %n row cannot be imported (listed below).</numerusform>
            <numerusform>Nothing was imported: %n rows cannot be imported (listed below).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message numerus="yes">
        <source>Ledger of %1 saved: %n case(s).</source>
        <translation>
            <numerusform>Ledger of %1 saved: %n case.</numerusform>
            <numerusform>Ledger of %1 saved: %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) imported from the ledger. They are in the case list.</source>
        <translation>
            <numerusform>%n case imported from the ledger. It is in the case list.</numerusform>
            <numerusform>%n cases imported from the ledger. They are in the case list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n case(s) in the studio</source>
        <translation>
            <numerusform>%n case in the studio</numerusform>
            <numerusform>%n cases in the studio</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n year old</numerusform>
            <numerusform>%n years old</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%n case(s) you have now are not in this backup and would disappear.</source>
        <translation>
            <numerusform>%n case you have now is not in this backup and would disappear.</numerusform>
            <numerusform>%n cases you have now are not in this backup and would disappear.</numerusform>
        </translation>
    </message>
</context>
</TS>
