<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Dispute type:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <source>Case source:</source>
        <translation>案件来源：</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>移交/委托单位：</translation>
    </message>
    <message>
        <source>Registered on:</source>
        <translation>登记日期：</translation>
    </message>
    <message>
        <source>Committee:</source>
        <translation>调解委员会：</translation>
    </message>
    <message>
        <source>Mediator:</source>
        <translation>调解员：</translation>
    </message>
    <message>
        <source>Summary of the dispute:</source>
        <translation>纠纷简要情况：</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>申请事项：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Entered %1 · last changed %2</source>
        <translation>录入于 %1 · 最后修改于 %2</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found</source>
        <translation>
            <numerusform>找到 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation>还没有案件。</translation>
    </message>
    <message>
        <source>No case matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的案件。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong inside Mediator. Your saved cases are safe.
Please restart the program if it does not respond.

A crash report for the maintainers was saved to:
%1</source>
        <translation>调解工作台内部出错了。已保存的案件不受影响。
如果程序没有响应，请重新启动。

给维护人员的错误报告已保存到：
%1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Storage problem</source>
        <translation>数据存储问题</translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation>请检查填写的内容</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解工作台</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search case no., name, ID number, phone, address, facts…</source>
        <translation>搜索案号、姓名、身份证号、电话、地址、案情…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All dispute types</source>
        <translation>全部纠纷类型</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>登记日期起</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>登记日期止</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Dispute type:</source>
        <translation>纠纷类型：</translation>
    </message>
    <message>
        <source>Registered from:</source>
        <translation>登记日期：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Mediator</source>
        <translation>欢迎使用调解工作台</translation>
    </message>
    <message>
        <source>Before the first case, tell Mediator who you are. These details appear on every case number and document.</source>
        <translation>登记第一个案件之前，请先填写以下信息。它们会出现在每个案号和文书上。</translation>
    </message>
    <message>
        <source>e.g. 桂城街道人民调解委员会</source>
        <translation>例如：桂城街道人民调解委员会</translation>
    </message>
    <message>
        <source>e.g. 桂城</source>
        <translation>例如：桂城</translation>
    </message>
    <message>
        <source>Committee or studio name:</source>
        <translation>调解委员会（工作室）名称：</translation>
    </message>
    <message>
        <source>Case number prefix:</source>
        <translation>案号字号：</translation>
    </message>
    <message>
        <source>First case number:</source>
        <translation>第一个案号：</translation>
    </message>
    <message>
        <source>Your name (mediator):</source>
        <translation>您的姓名（调解员）：</translation>
    </message>
    <message>
        <source>Start using Mediator</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>(type a prefix to see it)</source>
        <translation>（填写字号后显示）</translation>
    </message>
</context>
<context>
    <name>IdNumberField</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full ID number</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mediator — %1</source>
        <translation>调解工作台 — %1</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Register a case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>%1 · Mediator: %2</source>
        <translation>%1 · 调解员：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the studio</source>
        <translation>
            <numerusform>本工作室共 %n 件案件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartiesEditor</name>
    <message>
        <source>Add a party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>Party %1 was removed.</source>
        <translation>已删除当事人 %1。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名（名称）：</translation>
    </message>
    <message>
        <source>Representative:</source>
        <translation>法定代表人：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Ethnicity:</source>
        <translation>民族：</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n 岁</numerusform>
        </translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>单位或住址：</translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation>职业或职务：</translation>
    </message>
</context>
<context>
    <name>PartyCard</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>身份：</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Remove this party</source>
        <translation>删除此当事人</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>e.g. 1965-03-08</source>
        <translation>例如：1965-03-08</translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <source>e.g. Manager</source>
        <translation>例如：经理</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Occupation or post</source>
        <translation>职业或职务</translation>
    </message>
    <message>
        <source>Legal representative *</source>
        <translation>法定代表人 *</translation>
    </message>
    <message>
        <source>Their post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Acts for *</source>
        <translation>代理对象 *</translation>
    </message>
    <message>
        <source>Organisation name *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Organisation address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <source>Workplace or address</source>
        <translation>单位或住址</translation>
    </message>
    <message>
        <source>Full registered name</source>
        <translation>登记的全称</translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation>与身份证一致</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>18 characters, on the business licence</source>
        <translation>18 位，见营业执照</translation>
    </message>
    <message>
        <source>18 digits; fills sex and birth date</source>
        <translation>18 位，自动填写性别和出生日期</translation>
    </message>
    <message>
        <source>(choose the party)</source>
        <translation>（请选择当事人）</translation>
    </message>
    <message>
        <source>Party %1</source>
        <translation>当事人 %1</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写姓名）</translation>
    </message>
    <message>
        <source>Sex and date of birth were filled in from the ID number (age %1).</source>
        <translation>已根据身份证号填写性别和出生日期（%1）。</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Please choose the party this agent acts for</source>
        <translation>请选择代理人所代理的当事人</translation>
    </message>
    <message>
        <source>Date of birth is not a date; write it like 1965-03-08</source>
        <translation>出生日期格式不对，请按 1965-03-08 的格式填写</translation>
    </message>
    <message>
        <source>Date of birth is in the future</source>
        <translation>出生日期不能晚于今天</translation>
    </message>
    <message>
        <source>Date of birth does not match the ID number</source>
        <translation>出生日期与身份证号不一致</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <source>Register a case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>Fields marked * are required. What you type is kept as a draft.</source>
        <translation>带 * 的为必填项。填写的内容会自动保存为草稿。</translation>
    </message>
    <message>
        <source>Requests (numbered)</source>
        <translation>申请事项（按顺序编号）</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Save registration</source>
        <translation>保存登记</translation>
    </message>
    <message>
        <source>The dispute</source>
        <translation>纠纷情况</translation>
    </message>
    <message>
        <source>Which court, police station or department referred it, and its reference</source>
        <translation>移交或委托的法院、派出所或部门，及其文号</translation>
    </message>
    <message>
        <source>Dispute type *</source>
        <translation>纠纷类型 *</translation>
    </message>
    <message>
        <source>Date registered *</source>
        <translation>登记日期 *</translation>
    </message>
    <message>
        <source>Case source *</source>
        <translation>案件来源 *</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>移交或委托说明</translation>
    </message>
    <message>
        <source>Brief account of the dispute *</source>
        <translation>纠纷简要情况 *</translation>
    </message>
    <message>
        <source>Who, what happened, since when, what has been tried so far</source>
        <translation>谁和谁、发生了什么、从何时开始、已经做过哪些处理</translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation>草稿已删除。</translation>
    </message>
    <message>
        <source>Draft kept automatically at %1</source>
        <translation>草稿已于 %1 自动保存</translation>
    </message>
    <message>
        <source>The draft could not be saved!</source>
        <translation>草稿未能保存！</translation>
    </message>
    <message>
        <source>(choose the type)</source>
        <translation>（请选择纠纷类型）</translation>
    </message>
    <message>
        <source>(choose the source)</source>
        <translation>（请选择案件来源）</translation>
    </message>
    <message>
        <source>The unfinished registration from last time was restored.</source>
        <translation>已恢复上次未完成的登记。</translation>
    </message>
    <message>
        <source>Discard it and start afresh</source>
        <translation>删除草稿，重新填写</translation>
    </message>
    <message>
        <source>Registered. Case number: %1</source>
        <translation>登记成功。案号：%1</translation>
    </message>
    <message>
        <source>%1 item(s) need correcting; see the red messages below.</source>
        <translation>有 %1 处需要修改，请看下方的红色提示。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 / 最多 %2 字</translation>
    </message>
</context>
<context>
    <name>RequestsEditor</name>
    <message>
        <source>Add a request</source>
        <translation>添加申请事项</translation>
    </message>
    <message>
        <source>e.g. Ask the respondent to repair the water pipe</source>
        <translation>例如：请求被申请人维修漏水的水管</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
</TS>
