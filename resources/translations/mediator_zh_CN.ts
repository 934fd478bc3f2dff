<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of the dispute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered %1 · last changed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Cases</source>
        <extracomment>Starting widths (in &quot;M&quot; widths) of the columns; the parties column stretches.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Loading…</source>
        <extracomment>Rows kept in memory: 50 blocks, a few megabytes, far more than a screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong inside Mediator. Your saved cases are safe.
Please restart the program if it does not respond.

A crash report for the maintainers was saved to:
%1</source>
        <extracomment>False in tests: errors are recorded instead of shown in a modal dialog. Every error shown since start (or since a test cleared it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search case no., name, ID number, phone, address, facts…</source>
        <extracomment>The date boxes show &quot;Any&quot; at their minimum: Qt&apos;s special-value idiom for &quot;no bound&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All dispute types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Mediator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the first case, tell Mediator who you are. These details appear on every case number and document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 桂城街道人民调解委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 桂城</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committee or studio name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First case number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (mediator):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start using Mediator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(type a prefix to see it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdNumberField</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mediator — %1</source>
        <extracomment>Emitted when the window is about to close: pages save drafts here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Mediator: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the studio</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartiesEditor</name>
    <message>
        <source>Add a party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyCard</name>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1965-03-08</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation or post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acts for *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplace or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full registered name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, on the business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 digits; fills sex and birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose the party)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex and date of birth were filled in from the ID number (age %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose the party this agent acts for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth is not a date; write it like 1965-03-08</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth does not match the ID number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <source>Register a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * are required. What you type is kept automatically as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (numbered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which court, police station or department referred it, and its reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute type *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date registered *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case source *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief account of the dispute *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who, what happened, since when, what has been tried so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft kept automatically at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft could not be saved!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose the type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose the source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished registration from last time was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard it and start afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered. Case number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) need correcting before the case can be saved; see the red messages below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestsEditor</name>
    <message>
        <source>Add a request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <source>e.g. Ask the respondent to repair the water pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
