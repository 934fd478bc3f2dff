<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupSection</name>
    <message>
        <source>Backups</source>
        <extracomment>Backups shown in the list (the rotation keeps about 23 regular ones).</extracomment>
        <translation>备份</translation>
    </message>
    <message>
        <source>The app backs up the cases once a day while it runs and when it closes after changes, and checks every backup by restoring it. It keeps 7 daily, 4 weekly and 12 monthly backups.</source>
        <translation>程序运行时每天自动备份一次，有改动时关闭程序也会备份，并且每份备份都会试着恢复一遍来检查。保留最近 7 天、4 周和 12 个月的备份。</translation>
    </message>
    <message>
        <source>Last good backup:</source>
        <translation>最近一次完好的备份：</translation>
    </message>
    <message>
        <source>Second copy to:</source>
        <translation>另存一份到：</translation>
    </message>
    <message>
        <source>Choose a folder (USB drive, network)…</source>
        <translation>选择文件夹（U 盘、网络文件夹）…</translation>
    </message>
    <message>
        <source>No second copy</source>
        <translation>不另存</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复选中的备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n case(s)</source>
        <translation>
            <numerusform>%1，%n 件案件</numerusform>
        </translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>%1  %2  %3 MB</source>
        <translation>%1&#x3000;%2&#x3000;大小 %3 MB</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>damaged database kept</source>
        <translation>保留的损坏数据库</translation>
    </message>
    <message>
        <source>Backing up and checking the backup…</source>
        <translation>正在备份并检查备份…</translation>
    </message>
    <message numerus="yes">
        <source>Backed up and checked: %n case(s).</source>
        <translation>
            <numerusform>已备份并检查完好：%n 件案件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Second location for backups</source>
        <translation>备份的第二位置</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Mediator backups (*.sqlite3);;All files (*)</source>
        <translation>调解工作台备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>BackupSlot</name>
    <message>
        <source>No backup yet: open Settings to back up</source>
        <translation>还没有备份：请到“设置”中备份</translation>
    </message>
    <message>
        <source>No good backup since %1: open Settings to back up</source>
        <translation>自 %1 以来没有完好的备份：请到“设置”中备份</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <source>Registration</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <source>Former case no.:</source>
        <translation>原案号：</translation>
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
        <source>This case is archived: its parties&apos; details can no longer be corrected.</source>
        <translation>本案已归档，当事人信息不能再更正。</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正记录</translation>
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
    <name>CasePage</name>
    <message>
        <source>Back (Esc). Nothing is lost: unsaved input is kept as a draft.</source>
        <extracomment>Statuses in which a final agreement still has to conclude the case (调解成功).</extracomment>
        <translation>返回（Esc键）。已填写但未保存的内容会自动留作草稿，不会丢失。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>办理步骤</translation>
    </message>
    <message>
        <source>Parties and registration</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
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
    <name>Charts</name>
    <message>
        <source>Cases by dispute type</source>
        <translation>按纠纷类型</translation>
    </message>
    <message>
        <source>Monthly trend</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <source>Accepted cases by dispute type</source>
        <translation>各类纠纷受理件数</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accepted and succeeded, month by month</source>
        <translation>每月受理与调解成功件数</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>调解成功</translation>
    </message>
    <message>
        <source>Success rate, month by month</source>
        <translation>每月调解成功率</translation>
    </message>
    <message>
        <source>(the period: %1 %)</source>
        <translation>（本期间：%1%）</translation>
    </message>
    <message>
        <source>Success rate (%)</source>
        <translation>调解成功率（%）</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Summary of the dispute</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>案件状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Year of the case number</source>
        <translation>案号年份</translation>
    </message>
    <message>
        <source>Serial of the case number</source>
        <translation>案号序号</translation>
    </message>
    <message>
        <source>Type of dispute</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Source of the case</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Date registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Referral note</source>
        <translation>移送说明</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Reason for the status</source>
        <translation>状态原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Entered on</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Held from disposal</source>
        <translation>暂缓销毁</translation>
    </message>
    <message>
        <source>Former case number</source>
        <translation>原案号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
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
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Occupation or post</source>
        <translation>职业或职务</translation>
    </message>
    <message>
        <source>Legal representative or person in charge</source>
        <translation>法定代表人或主要负责人</translation>
    </message>
    <message>
        <source>Post of the representative</source>
        <translation>代表人职务</translation>
    </message>
    <message>
        <source>Representative&apos;s office</source>
        <translation>代表人身份</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Represents</source>
        <translation>代理的当事人</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>调查人</translation>
    </message>
    <message>
        <source>Person interviewed</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Held in public</source>
        <translation>是否公开调解</translation>
    </message>
    <message>
        <source>Consent to a public session</source>
        <translation>公开调解的同意情况</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>各方陈述</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Risk warning</source>
        <translation>风险提示</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Terms of the agreement</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Main facts</source>
        <translation>主要事实</translation>
    </message>
    <message>
        <source>Manner of performance</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Performance deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Signed document</source>
        <translation>已签署的文书</translation>
    </message>
    <message>
        <source>Amends the agreement</source>
        <translation>所补充的协议</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>是否履行</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>当事人满意度</translation>
    </message>
    <message>
        <source>Lawsuit and its result</source>
        <translation>是否起诉及结果</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>矛盾激化情况</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>文件指纹</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Written application</source>
        <translation>书面申请</translation>
    </message>
    <message>
        <source>Matters of the step</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Refused on</source>
        <translation>不予受理日期</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>终止调解日期</translation>
    </message>
    <message>
        <source>Reason for termination</source>
        <translation>终止调解理由</translation>
    </message>
    <message>
        <source>Other routes explained</source>
        <translation>已告知的其他解决途径</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <source>Notice acknowledged on</source>
        <translation>告知书签收日期</translation>
    </message>
    <message>
        <source>Identity papers</source>
        <translation>身份证明材料</translation>
    </message>
    <message>
        <source>Power of attorney</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Agent&apos;s powers</source>
        <translation>代理权限</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>笔录类别</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation>达成日期</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>已签名的人</translation>
    </message>
    <message>
        <source>Signed by the mediator</source>
        <translation>调解员已签名</translation>
    </message>
    <message>
        <source>Signed by the recorder</source>
        <translation>记录人已签名</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>已盖章</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Wording checked</source>
        <translation>已用语校对</translation>
    </message>
    <message>
        <source>Terms confirmed in the check</source>
        <translation>用语校对中已确认的用语</translation>
    </message>
    <message>
        <source>Performance item</source>
        <translation>履行事项</translation>
    </message>
    <message>
        <source>Obligor</source>
        <translation>履行义务人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Performed on</source>
        <translation>履行日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>准予日期</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的履行期限</translation>
    </message>
    <message>
        <source>Consented by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Basis of the application</source>
        <translation>申请依据</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>裁定日期</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>是否确认有效</translation>
    </message>
    <message>
        <source>Ruling number</source>
        <translation>裁定书文号</translation>
    </message>
    <message>
        <source>Skipped steps</source>
        <translation>已跳过的步骤</translation>
    </message>
    <message>
        <source>Corrected detail</source>
        <translation>更正的项目</translation>
    </message>
    <message>
        <source>Before the correction</source>
        <translation>更正前</translation>
    </message>
    <message>
        <source>After the correction</source>
        <translation>更正后</translation>
    </message>
    <message>
        <source>Corrected on</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <source>Disputes found</source>
        <translation>排查出的纠纷数</translation>
    </message>
    <message>
        <source>Disputes prevented</source>
        <translation>预防的纠纷数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Marked as a group dispute</source>
        <translation>标记为群体性纠纷</translation>
    </message>
    <message>
        <source>Group dispute</source>
        <translation>群体性纠纷</translation>
    </message>
    <message>
        <source>Criminal cases prevented</source>
        <translation>防止民间纠纷转化为刑事案件数</translation>
    </message>
    <message>
        <source>Group petitions prevented</source>
        <translation>防止群体性上访数</translation>
    </message>
    <message>
        <source>Group fights prevented</source>
        <translation>防止群体性械斗数</translation>
    </message>
    <message>
        <source>Suicides prevented</source>
        <translation>防止因民间纠纷引起的自杀数</translation>
    </message>
    <message>
        <source>Amount in dispute</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Kind of mediation body</source>
        <translation>调解组织类型</translation>
    </message>
    <message>
        <source>Grade of the dispute</source>
        <translation>纠纷等级</translation>
    </message>
    <message>
        <source>Grade set by hand</source>
        <translation>人工调整的等级</translation>
    </message>
    <message>
        <source>Reason for the grade</source>
        <translation>等级调整理由</translation>
    </message>
    <message>
        <source>Screening visit</source>
        <translation>排查走访</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Mediator&apos;s name</source>
        <translation>调解员姓名</translation>
    </message>
    <message>
        <source>Duty in the studio</source>
        <translation>在工作室的职责</translation>
    </message>
    <message>
        <source>Agreement status</source>
        <translation>协议状态</translation>
    </message>
    <message>
        <source>Kind of agreement</source>
        <translation>协议类别</translation>
    </message>
    <message>
        <source>Kind of party</source>
        <translation>当事人类别</translation>
    </message>
    <message>
        <source>Kind of attachment</source>
        <translation>材料类别</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Domicile</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Party&apos;s role in a case</source>
        <translation>当事人身份</translation>
    </message>
    <message>
        <source>Mediation agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Mediation session record</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Investigation record</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>From the server, could not be used here</source>
        <translation>来自服务器，本机无法使用</translation>
    </message>
    <message>
        <source>On this PC, not sent: it is not valid</source>
        <translation>本机记录不完整或有误，未上传</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>District server</source>
        <translation>区级服务器</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep this PC&apos;s version</source>
        <translation>保留本机的内容</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version</source>
        <translation>保留服务器上的内容</translation>
    </message>
    <message>
        <source>Keep the values chosen above</source>
        <translation>按上面的选择保留</translation>
    </message>
    <message>
        <source>No conflicts to resolve: no record was changed on two PCs at once.</source>
        <translation>没有需要处理的冲突：没有同一条记录在两台电脑上同时被修改。</translation>
    </message>
    <message>
        <source>Records set aside by sync (the rest of the sync went on; tell the district administrator):</source>
        <translation>同步时暂存、未能使用的记录（其余内容已正常同步；请告知区级管理员）：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>This record was deleted on one PC and changed on another before they synced. The server kept its version; nothing was lost. Choose which version to keep.</source>
        <translation>这条记录在同步之前，在一台电脑上被删除，在另一台电脑上被修改。服务器保留了它收到的版本，两边的内容都没有丢失。请选择保留哪一个版本。</translation>
    </message>
    <message>
        <source>This record was changed on this PC and on another PC of the studio before they synced. The server kept the other version; nothing was lost. For each field below, choose which value to keep.</source>
        <translation>这条记录在同步之前，分别在本机和工作室的另一台电脑上被修改过。服务器保留了另一台电脑的内容，两边的内容都没有丢失。请在下面逐项选择保留哪一边的内容。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>Connect this PC to the district server…</source>
        <translation>把本机连接到区级服务器…</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>连接时间：</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <source>This PC is not connected to a district server.</source>
        <translation>本机尚未连接区级服务器。</translation>
    </message>
    <message>
        <source>This PC is connected to the district server.</source>
        <translation>本机已连接区级服务器。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>CorrectionWords</name>
    <message>
        <source>Name</source>
        <translation>姓名（名称）</translation>
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
        <source>ID or credit code</source>
        <translation>身份证号码/统一社会信用代码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址（住所）</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业或职务</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>法定代表人/主要负责人</translation>
    </message>
    <message>
        <source>Their post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Acts as</source>
        <translation>代表身份</translation>
    </message>
    <message>
        <source>Principal officer</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Looking for the last good backup…</source>
        <translation>正在查找最近一次完好的备份…</translation>
    </message>
    <message>
        <source>Restore the last good backup…</source>
        <translation>恢复最近一次完好的备份…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>No backup was found in the data folder. The damaged file has not been changed; ask the district for help.</source>
        <translation>数据目录中没有找到备份。损坏的文件未作改动，请联系区里协助。</translation>
    </message>
    <message>
        <source>The last good backup was made on %1.</source>
        <translation>最近一次完好的备份是在 %1 做的。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>DisplaySection</name>
    <message>
        <source>Display</source>
        <extracomment>The sizes from small to large: what Ctrl++ and Ctrl+- step through.</extracomment>
        <translation>显示</translation>
    </message>
    <message>
        <source>Type size:</source>
        <translation>字号：</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents of the case</source>
        <translation>案件文书</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部导出…</translation>
    </message>
    <message>
        <source>Every document as its own PDF, plus the dossier</source>
        <translation>每份文书导出为单独的PDF，另附卷宗</translation>
    </message>
    <message>
        <source>Finalise agreement…</source>
        <translation>协议定稿…</translation>
    </message>
    <message>
        <source> (signed)</source>
        <translation>（已签署）</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <source>Export the documents to</source>
        <translation>导出文书到</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 个文件到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Cases behind the number</source>
        <translation>数字包含的案件</translation>
    </message>
    <message numerus="yes">
        <source>%n screening visit(s)</source>
        <translation>
            <numerusform>%n 次排查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件案件</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Double-click a case to open it.</source>
        <translation>双击案件即可打开。</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Disputes found</source>
        <translation>发现纠纷</translation>
    </message>
    <message>
        <source>Prevented</source>
        <translation>化解纠纷</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
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
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Connect to the district server</source>
        <translation>连接区级服务器</translation>
    </message>
    <message>
        <source>Enter the server address and the one-time enrolment code from the district administrator. Cases stay on this PC; they are sent to the district server whenever it can be reached.</source>
        <translation>请填写区（县）管理员提供的服务器地址和一次性注册码。案件仍保存在本机，能连上服务器时会自动送达。</translation>
    </message>
    <message>
        <source>e.g. https://tiaojie.example.gov.cn</source>
        <translation>例如 https://tiaojie.example.gov.cn</translation>
    </message>
    <message>
        <source>e.g. ABCD-EFGH-…</source>
        <translation>例如 ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>optional: a PEM file</source>
        <translation>可不填：PEM 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>e.g. front desk PC</source>
        <translation>例如：前台电脑</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>注册码：</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <source>Name of this PC:</source>
        <translation>本机名称：</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>District CA certificate</source>
        <translation>区级 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside Mediator. Your saved cases are safe.

What to do: close Mediator and start it again. If this happens again, send the report file below to the district mediation office.</source>
        <translation>调解工作台内部出错。已保存的案件不受影响。

请这样做：关闭调解工作台，再重新打开。如果再次出现，请把下面的报告文件发给区调解办。</translation>
    </message>
    <message>
        <source>The report was saved to:
%1</source>
        <translation>报告文件保存在：
%1</translation>
    </message>
    <message>
        <source>The report could not be saved (is the disk full?).</source>
        <translation>报告文件未能保存（磁盘是否已满？）。</translation>
    </message>
    <message>
        <source>Storage problem</source>
        <translation>数据存储问题</translation>
    </message>
    <message>
        <source>Incomplete installation</source>
        <translation>安装不完整</translation>
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
    <name>FactsBox</name>
    <message>
        <source>For the statistics</source>
        <translation>统计情况</translation>
    </message>
    <message>
        <source>%1 (the parties)</source>
        <translation>%1（按当事人计）</translation>
    </message>
    <message>
        <source>%1, a group dispute</source>
        <translation>%1，群体性纠纷</translation>
    </message>
    <message>
        <source>People involved:</source>
        <translation>涉及人数：</translation>
    </message>
    <message>
        <source>Amount in dispute:</source>
        <translation>标的额：</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <source>(none stated)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>%1 (people: %2)</source>
        <translation>%1（%2人）</translation>
    </message>
    <message>
        <source>Prevented:</source>
        <translation>防止激化：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Mediating body:</source>
        <translation>调解组织类型：</translation>
    </message>
    <message>
        <source>Reason for the grade:</source>
        <translation>改定难易程度的理由：</translation>
    </message>
</context>
<context>
    <name>FactsGroup</name>
    <message>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>If any, e.g. 3000</source>
        <translation>如有，例如 3000 或 1.2万</translation>
    </message>
    <message>
        <source>This is a group dispute</source>
        <translation>这是群体性纠纷</translation>
    </message>
    <message>
        <source>The mediating body is not of this studio&apos;s kind</source>
        <translation>调解组织不是本工作室类型</translation>
    </message>
    <message>
        <source>(choose the kind)</source>
        <translation>（请选择调解组织类型）</translation>
    </message>
    <message>
        <source>Amount in dispute (yuan)</source>
        <translation>标的额（元）</translation>
    </message>
    <message>
        <source>Mediating body</source>
        <translation>调解组织类型</translation>
    </message>
    <message>
        <source>The number of parties entered; change it if more people are involved.</source>
        <translation>按已填写的当事人人数填入；涉及的人更多时请改成实际人数。</translation>
    </message>
</context>
<context>
    <name>FactsLabels</name>
    <message>
        <source>%1 people involved</source>
        <translation>涉及%1人</translation>
    </message>
    <message>
        <source>amount in dispute over %1 yuan</source>
        <translation>标的额超过%1元</translation>
    </message>
    <message>
        <source>amount in dispute of %1 yuan or more</source>
        <translation>标的额%1元以上</translation>
    </message>
    <message>
        <source>a group dispute</source>
        <translation>群体性纠纷</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Difficulty of this case: %1 (changed by the mediator; the rule gives %2)</source>
        <translation>本案难易程度：%1（调解员改定；按规则为%2）</translation>
    </message>
    <message>
        <source>Difficulty of this case: %1 (based on: %2)</source>
        <translation>本案难易程度：%1（依据：%2）</translation>
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
    <name>FinaliseAgreementDialog</name>
    <message>
        <source>Finalise the agreement</source>
        <translation>协议定稿</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Step 1: proofread the agreement</source>
        <translation>第一步：校对协议</translation>
    </message>
    <message>
        <source>Words that are often confused in agreements are listed below. Read each note, correct the agreement if the other word was meant, or tick it to confirm the word is right.</source>
        <translation>下面列出协议中容易用错的词语。请逐条阅读说明：如本意是另一个词，请修改协议；如用词无误，请勾选确认。</translation>
    </message>
    <message>
        <source>Terminology notes</source>
        <translation>用语提示</translation>
    </message>
    <message>
        <source>No terminology notes: the wording looks right.</source>
        <translation>没有用语提示，用词看来无误。</translation>
    </message>
    <message>
        <source>Confirm the proofreading</source>
        <translation>确认校对完成</translation>
    </message>
    <message>
        <source>Step 2: the parties sign</source>
        <translation>第二步：当事人签名</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏签名</translation>
    </message>
    <message>
        <source>Show the pad on the whole screen, for a tablet</source>
        <translation>签名板全屏显示，便于当事人在平板上签名</translation>
    </message>
    <message>
        <source>Thumbprint on paper</source>
        <translation>在纸质文本上按指印</translation>
    </message>
    <message>
        <source>The party will press a thumbprint on the printed copy instead of signing here</source>
        <translation>该当事人不在此签名，改为在打印的协议上按指印</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>保存签名</translation>
    </message>
    <message>
        <source>Sign on paper instead…</source>
        <translation>改为纸质签署…</translation>
    </message>
    <message>
        <source>Step 3: the mediator signs</source>
        <translation>第三步：人民调解员签名</translation>
    </message>
    <message>
        <source>Every party has signed. The mediator signs now.</source>
        <translation>各方当事人均已签名，请人民调解员签名。</translation>
    </message>
    <message>
        <source>Mediator&apos;s signature</source>
        <translation>人民调解员签名</translation>
    </message>
    <message>
        <source>Step 4: the recorder signs</source>
        <translation>第四步：记录人签名</translation>
    </message>
    <message>
        <source>Recorder&apos;s signature</source>
        <translation>记录人签名</translation>
    </message>
    <message>
        <source>The recorder signs the printed copies</source>
        <translation>记录人在纸质文本上签名</translation>
    </message>
    <message>
        <source>The recorder&apos;s line is printed empty and signed by hand on every copy</source>
        <translation>记录人一栏打印为空白，由记录人在每份文本上亲笔签名</translation>
    </message>
    <message>
        <source>Step 4: the studio head approves and seals</source>
        <translation>第四步：工作室负责人审批并盖章</translation>
    </message>
    <message>
        <source>Import the seal…</source>
        <translation>导入印章…</translation>
    </message>
    <message>
        <source>Approve, seal and sign digitally</source>
        <translation>批准、盖章并数字签名</translation>
    </message>
    <message>
        <source>The agreement is final</source>
        <translation>协议已定稿</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Signing on paper</source>
        <translation>纸质签署</translation>
    </message>
    <message>
        <source>1. Print the copies (one for each party and one for the committee) and have them signed or thumbprinted and sealed.
2. Scan the signed original and mark it received. The agreement takes effect on the day of the last signature or the seal; the 30 days for judicial confirmation start then.</source>
        <translation>1. 打印协议（每方当事人一份，调解委员会一份），由各方签名或按指印并加盖印章。
2. 扫描已签署的原件并登记收回。协议自最后一方签名或盖章之日起生效，申请司法确认的三十日期限自该日起算。</translation>
    </message>
    <message>
        <source>Print copies for signing…</source>
        <translation>打印待签署文本…</translation>
    </message>
    <message>
        <source>Signed and sealed on:</source>
        <translation>签署盖章日期：</translation>
    </message>
    <message>
        <source>Original received: choose the scan…</source>
        <translation>原件已收回：选择扫描件…</translation>
    </message>
    <message>
        <source>Back to signing on screen</source>
        <translation>返回屏幕签名</translation>
    </message>
    <message>
        <source>The agreement was changed after signatures were collected; those signatures no longer count. Proofread and sign again.</source>
        <translation>签名后协议内容被修改，已收集的签名作废。请重新校对并签名。</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>校对</translation>
    </message>
    <message>
        <source>Parties sign</source>
        <translation>当事人签名</translation>
    </message>
    <message>
        <source>Mediator signs</source>
        <translation>调解员签名</translation>
    </message>
    <message>
        <source>Recorder signs</source>
        <translation>记录人签名</translation>
    </message>
    <message>
        <source>Head approves and seals</source>
        <translation>负责人审批盖章</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>纠纷事实</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Term %1</source>
        <translation>第%1条</translation>
    </message>
    <message>
        <source>%1 wording notes were already confirmed on the outcome form and are not asked again.</source>
        <translation>另有%1处用语提示已在调解结果页确认，不再重复询问。</translation>
    </message>
    <message>
        <source>These characters cannot be printed with the bundled fonts: %1. Change them in the agreement first.</source>
        <translation>以下字符无法用内置字体打印：%1。请先修改协议内容。</translation>
    </message>
    <message>
        <source>thumbprint on paper</source>
        <translation>纸面按指印</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待签名</translation>
    </message>
    <message>
        <source>%1 %2: the representative signs here; the company seal goes on the paper copy.</source>
        <translation>%1 %2：由代表人在此签名，单位印章盖在纸质文本上。</translation>
    </message>
    <message>
        <source>%1 %2, please sign in the box below.</source>
        <translation>请%1 %2在下方框内签名。</translation>
    </message>
    <message>
        <source>The pad is empty: sign first, or choose thumbprint on paper.</source>
        <translation>签名板是空的：请先签名，或选择在纸质文本上按指印。</translation>
    </message>
    <message>
        <source>The pad is empty: the mediator signs first.</source>
        <translation>签名板是空的：请调解员先签名。</translation>
    </message>
    <message>
        <source>Step 5: the studio head approves and seals</source>
        <translation>第五步：工作室负责人审批并盖章</translation>
    </message>
    <message>
        <source>The mediator has signed. The recorder, %1, signs in the box below.</source>
        <translation>人民调解员已签名。请记录人%1在下框中签名。</translation>
    </message>
    <message>
        <source>The pad is empty: the recorder signs first.</source>
        <translation>签名板是空的：请记录人先签名。</translation>
    </message>
    <message>
        <source>The committee seal will be placed over the committee&apos;s name, then the studio&apos;s digital signature is added. After that the agreement cannot be changed; a change needs an addendum.</source>
        <translation>调解委员会印章将盖在委员会名称上，然后加上工作室的数字签名。此后协议不能再修改，如需变更须另行制作补充协议。</translation>
    </message>
    <message>
        <source>No committee seal has been imported: the agreement cannot be finalised. The studio head imports the seal first.</source>
        <translation>尚未导入调解委员会印章，协议不能定稿。请工作室负责人先导入印章。</translation>
    </message>
    <message>
        <source>Only the studio head can approve and seal the agreement.</source>
        <translation>只有工作室负责人可以批准协议并盖章。</translation>
    </message>
    <message>
        <source>Signed by every party, the mediator and sealed; digitally signed with the studio&apos;s key.</source>
        <translation>各方当事人和人民调解员均已签名并加盖印章，已用工作室密钥数字签名。</translation>
    </message>
    <message>
        <source>The original signed on paper was received and stored.</source>
        <translation>纸质签署的原件已收回并存档。</translation>
    </message>
    <message>
        <source>In force since %1. The parties may apply jointly for judicial confirmation until %2.</source>
        <translation>自%1起生效。当事人可在%2前共同申请司法确认。</translation>
    </message>
    <message>
        <source>Choose the scan of the signed original</source>
        <translation>选择已签署原件的扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>A dispute needs at least two parties</source>
        <translation>纠纷至少需要两方当事人</translation>
    </message>
    <message>
        <source>The business licence or registration of %1 is missing</source>
        <translation>缺少%1的营业执照或登记证明</translation>
    </message>
    <message>
        <source>The proof of identity of %1 is missing</source>
        <translation>缺少%1的身份证明</translation>
    </message>
    <message>
        <source>%1 does not say which party they act for</source>
        <translation>%1未指明代理哪位当事人</translation>
    </message>
    <message>
        <source>The power of attorney of %1 is missing</source>
        <translation>缺少%1的授权委托书</translation>
    </message>
    <message>
        <source>A refusal must give its reason</source>
        <translation>不予受理须写明理由</translation>
    </message>
    <message>
        <source>The refusal is dated before the registration</source>
        <translation>不予受理日期早于登记日期</translation>
    </message>
    <message>
        <source>The ledger had no summary of the dispute: add it</source>
        <translation>台账中没有纠纷简要情况，请补录纠纷简要情况</translation>
    </message>
    <message>
        <source>The ledger says the mediation succeeded, but the file holds no agreement yet: add the records and the agreement</source>
        <translation>台账记载调解成功，卷宗中尚无调解协议：请补录调解记录和协议</translation>
    </message>
    <message>
        <source>The ledger says the mediation failed, but the file holds no record of ending it yet: add it</source>
        <translation>台账记载调解不成，卷宗中尚无终止调解的记录：请补录</translation>
    </message>
    <message>
        <source>The ledger says the application was refused, but the file holds no record of the refusal yet: add it</source>
        <translation>台账记载不予受理，卷宗中尚无不予受理的记录：请补录</translation>
    </message>
    <message>
        <source>%1 has not yet signed for the notice of rights and duties</source>
        <translation>%1尚未签收权利义务告知书</translation>
    </message>
    <message>
        <source>%1 signed for the notice of rights and duties after the first session</source>
        <translation>%1签收权利义务告知书晚于首次调解</translation>
    </message>
    <message>
        <source>The notice of %1 is dated before the acceptance</source>
        <translation>%1告知书日期早于受理日期</translation>
    </message>
    <message>
        <source>No investigation record yet</source>
        <translation>尚无调查记录</translation>
    </message>
    <message>
        <source>Investigation record %1 is not signed</source>
        <translation>第%1份调查记录未经签名确认</translation>
    </message>
    <message>
        <source>Investigation record %1 is dated before the acceptance</source>
        <translation>第%1份调查记录日期早于受理日期</translation>
    </message>
    <message>
        <source>No mediation record yet</source>
        <translation>缺少人民调解记录</translation>
    </message>
    <message>
        <source>The record of session %1 is not signed by the parties</source>
        <translation>第%1次调解记录未经当事人等签名</translation>
    </message>
    <message>
        <source>Session %1 was held in private, but the parties&apos; request or consent is not recorded</source>
        <translation>第%1次调解不公开进行，但未记录当事人的要求或同意</translation>
    </message>
    <message>
        <source>Session %1 is dated before the acceptance</source>
        <translation>第%1次调解日期早于受理日期</translation>
    </message>
    <message>
        <source>Mediation ended after the mediation term (%1)</source>
        <translation>调解结束，已超过调解期限（%1）</translation>
    </message>
    <message>
        <source>Mediation is still going on past the mediation term (%1)</source>
        <translation>调解尚未结束，已超过调解期限（%1）</translation>
    </message>
    <message>
        <source>Extending the mediation term needs every party&apos;s consent; not consented: %1</source>
        <translation>延长调解期限须经全部当事人同意，未同意：%1</translation>
    </message>
    <message>
        <source>The mediation term ended on %1; it cannot be extended afterwards</source>
        <translation>调解期限已于%1届满，不能事后延长</translation>
    </message>
    <message>
        <source>The extended term must end after the original one</source>
        <translation>延长后的期限应晚于原期限</translation>
    </message>
    <message>
        <source>A mediation entrusted by a court can be extended by at most %1 days (to %2)</source>
        <translation>法院委托调解最多延长%1日（至%2）</translation>
    </message>
    <message>
        <source>The end of mediation has not been recorded yet</source>
        <translation>尚未录入调解终止的情况</translation>
    </message>
    <message>
        <source>Ending mediation needs a reason</source>
        <translation>调解终止须写明原因</translation>
    </message>
    <message>
        <source>Record the other routes the parties were told of (a court, arbitration...)</source>
        <translation>须记录已告知当事人的其他解决途径（诉讼、仲裁等）</translation>
    </message>
    <message>
        <source>The case has no outcome yet (agreement or end of mediation)</source>
        <translation>案件尚无调解结果（协议或终止）</translation>
    </message>
    <message>
        <source>No agreement has been entered yet</source>
        <translation>尚未录入调解协议</translation>
    </message>
    <message>
        <source>The agreement has no terms yet</source>
        <translation>协议还没有约定的内容（条款）</translation>
    </message>
    <message>
        <source>No mediation record: an agreement is reached in mediation</source>
        <translation>没有调解记录：协议须在调解中达成</translation>
    </message>
    <message>
        <source>The agreement does not say how and by when it is performed</source>
        <translation>协议未写明履行方式和期限</translation>
    </message>
    <message>
        <source>The agreement needs %1 copies (one for each of the %2 parties and one for the committee); it has %3</source>
        <translation>协议份数应为%1份（当事人%2方各一份、调委会一份），现为%3份</translation>
    </message>
    <message>
        <source>The mediator has not signed yet</source>
        <translation>人民调解员尚未签名</translation>
    </message>
    <message>
        <source>The recorder has not signed yet</source>
        <translation>记录人尚未签名</translation>
    </message>
    <message>
        <source>The committee&apos;s seal is not on it yet</source>
        <translation>尚未加盖人民调解委员会印章</translation>
    </message>
    <message>
        <source>The day the agreement was fully signed and sealed (took effect) is not recorded</source>
        <translation>未记录协议签章完成（生效）的日期</translation>
    </message>
    <message>
        <source>The signing is dated before the agreement</source>
        <translation>签章完成日期早于协议日期</translation>
    </message>
    <message>
        <source>The agreement&apos;s wording has not been checked yet</source>
        <translation>协议尚未经用语校对</translation>
    </message>
    <message>
        <source>The agreement is dated before the first session</source>
        <translation>协议日期早于首次调解日期</translation>
    </message>
    <message>
        <source>An obligation is due before the agreement&apos;s date</source>
        <translation>有履行期限早于协议日期</translation>
    </message>
    <message>
        <source>The mediator has not yet registered and signed the oral agreement</source>
        <translation>口头协议尚未由人民调解员登记签名</translation>
    </message>
    <message>
        <source>%1 has no signature line</source>
        <translation>%1没有签名栏</translation>
    </message>
    <message>
        <source>%1 has not signed, sealed or thumbprinted yet</source>
        <translation>%1尚未签名、盖章或按指印</translation>
    </message>
    <message>
        <source>The agreement lists nothing to perform (how, by when)</source>
        <translation>协议没有列出履行事项（履行方式、期限）</translation>
    </message>
    <message>
        <source>Obligation %1 has no proof of performance (a receipt, a bank transfer...)</source>
        <translation>第%1项履行缺少凭证（收条、转账记录等）</translation>
    </message>
    <message>
        <source>Obligation %1 is due, but its performance is not recorded</source>
        <translation>第%1项履行期限已到，未记录履行情况</translation>
    </message>
    <message>
        <source>No follow-up visit yet</source>
        <translation>尚未进行回访</translation>
    </message>
    <message>
        <source>The follow-up visit is overdue (due by %1)</source>
        <translation>回访已逾期（应于%1前）</translation>
    </message>
    <message>
        <source>The follow-up visit was late</source>
        <translation>回访不及时</translation>
    </message>
    <message>
        <source>Follow-up record %1 is not signed by the visitor</source>
        <translation>第%1次回访记录未经回访人签名</translation>
    </message>
    <message>
        <source>The follow-up record does not say whether the agreement was performed</source>
        <translation>回访记录未写明协议是否履行</translation>
    </message>
    <message>
        <source>The court has not ruled on the judicial confirmation yet</source>
        <translation>司法确认尚无人民法院的裁定结果</translation>
    </message>
    <message>
        <source>There is no mediation agreement to confirm</source>
        <translation>没有调解协议，不能申请司法确认</translation>
    </message>
    <message>
        <source>A court does not confirm an oral agreement: make a written agreement first</source>
        <translation>口头协议不能申请司法确认，需先制作书面调解协议</translation>
    </message>
    <message>
        <source>The agreement concerns %1, which a court does not confirm</source>
        <translation>协议涉及%1，人民法院不予司法确认</translation>
    </message>
    <message>
        <source>No application for judicial confirmation has been entered</source>
        <translation>尚未录入司法确认申请</translation>
    </message>
    <message>
        <source>The application is dated before the agreement took effect</source>
        <translation>申请日期早于协议生效日期</translation>
    </message>
    <message>
        <source>The %1-day window after the agreement took effect has passed (the last day was %2)</source>
        <translation>已超过协议生效之日起%1日的申请期限（最后一日为%2）</translation>
    </message>
    <message>
        <source>Wrong court: this case goes to %1</source>
        <translation>受理法院不符：本案应向%1申请</translation>
    </message>
    <message>
        <source>Enter the court that receives the application</source>
        <translation>请填写受理申请的人民法院</translation>
    </message>
    <message>
        <source>The ruling is dated before the application</source>
        <translation>裁定日期早于申请日期</translation>
    </message>
    <message>
        <source>The agreement has not taken effect yet (signatures or seal missing)</source>
        <translation>调解协议尚未生效（签名、盖章未齐）</translation>
    </message>
    <message>
        <source>%1 has not joined the application</source>
        <translation>%1未参加共同申请</translation>
    </message>
    <message>
        <source>The agreement in the dossier is still a draft: finalise it (signed and sealed, or its scan) before archiving</source>
        <translation>卷宗中的人民调解协议书仍是未定稿的草稿：请定稿（签名盖章后的协议书或其扫描件）后再归档</translation>
    </message>
    <message>
        <source>Choose how long the dossier is kept</source>
        <translation>请选择卷宗保管期限</translation>
    </message>
    <message>
        <source>The case must first go through “%1”</source>
        <translation>须先经过“%1”阶段</translation>
    </message>
    <message>
        <source>The case is archived: its status can no longer change</source>
        <translation>案件已归档，不能再变更状态</translation>
    </message>
    <message>
        <source>The case is already “%1”</source>
        <translation>案件已经是“%1”状态</translation>
    </message>
    <message>
        <source>The case cannot go back from “%1” or change to “%2”</source>
        <translation>案件不能从“%1”退回或转为“%2”</translation>
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
        <source>e.g. “桂城街道人民调解委员会”</source>
        <translation>例如：桂城街道人民调解委员会</translation>
    </message>
    <message>
        <source>e.g. “桂城”</source>
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
    <name>ImportWizard</name>
    <message>
        <source>Import an Excel ledger</source>
        <translation>导入 Excel 台账</translation>
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
    <message>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>告知</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>履行</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <source>Archiving</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Mediation term</source>
        <translation>调解期限</translation>
    </message>
    <message>
        <source>Judicial confirmation window</source>
        <translation>司法确认申请期限</translation>
    </message>
    <message>
        <source>Performance due</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <source>Proof of identity</source>
        <translation>身份证明</translation>
    </message>
    <message>
        <source>Proof of performance</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Other scan</source>
        <translation>其他扫描件</translation>
    </message>
    <message>
        <source>Application for mediation</source>
        <translation>人民调解申请书</translation>
    </message>
    <message>
        <source>Acceptance register form</source>
        <translation>人民调解受理登记表</translation>
    </message>
    <message>
        <source>Notice of rights and duties</source>
        <translation>当事人权利义务告知书</translation>
    </message>
    <message>
        <source>Power of attorney</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Investigation record</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <source>Mediation record</source>
        <translation>人民调解记录</translation>
    </message>
    <message>
        <source>Mediation agreement</source>
        <translation>人民调解协议书</translation>
    </message>
    <message>
        <source>Mediation agreement (addendum)</source>
        <translation>人民调解协议书（补充协议）</translation>
    </message>
    <message>
        <source>Oral agreement register</source>
        <translation>口头协议登记表</translation>
    </message>
    <message>
        <source>Follow-up record</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Application for judicial confirmation</source>
        <translation>司法确认申请书</translation>
    </message>
    <message>
        <source>Notice of refusal</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Notice of termination</source>
        <translation>终止调解通知书</translation>
    </message>
    <message>
        <source>Case dossier</source>
        <translation>人民调解卷宗</translation>
    </message>
    <message>
        <source>%1 (no. %2)</source>
        <translation>%1（第%2次）</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>30 years</source>
        <translation>30年</translation>
    </message>
    <message>
        <source>10 years</source>
        <translation>10年</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>婚姻关系</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>收养关系</translation>
    </message>
    <message>
        <source>Family status</source>
        <translation>身份关系</translation>
    </message>
    <message>
        <source>Title to property or intellectual property</source>
        <translation>物权或知识产权确权</translation>
    </message>
    <message>
        <source>The court that entrusted the mediation</source>
        <translation>委托调解的人民法院</translation>
    </message>
    <message>
        <source>Basic court where a party lives</source>
        <translation>当事人住所地基层人民法院</translation>
    </message>
    <message>
        <source>Basic court where the subject matter is</source>
        <translation>标的物所在地基层人民法院</translation>
    </message>
    <message>
        <source>Basic court where the committee is</source>
        <translation>调解组织所在地基层人民法院</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Attend the mediation</source>
        <translation>代为参加调解</translation>
    </message>
    <message>
        <source>State the facts and give evidence</source>
        <translation>代为陈述事实、提供证据</translation>
    </message>
    <message>
        <source>Admit, waive or change claims</source>
        <translation>代为承认、放弃、变更调解请求</translation>
    </message>
    <message>
        <source>Reach and sign the agreement</source>
        <translation>代为达成调解协议并签名</translation>
    </message>
    <message>
        <source>Receive legal documents</source>
        <translation>代为签收法律文书</translation>
    </message>
    <message>
        <source>Apply for judicial confirmation for the party</source>
        <translation>代为申请司法确认</translation>
    </message>
    <message>
        <source>Sue in a people&apos;s court</source>
        <translation>向人民法院起诉</translation>
    </message>
    <message>
        <source>Apply for arbitration</source>
        <translation>申请仲裁</translation>
    </message>
    <message>
        <source>Ask an administrative authority to decide</source>
        <translation>请求行政机关处理</translation>
    </message>
    <message>
        <source>Apply for labour dispute arbitration</source>
        <translation>申请劳动争议仲裁</translation>
    </message>
    <message>
        <source>Lump-sum payment</source>
        <translation>一次性付款</translation>
    </message>
    <message>
        <source>Payment in instalments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <source>Paid in full on signing</source>
        <translation>当场付清</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <source>Dispute settled in full</source>
        <translation>纠纷了结</translation>
    </message>
    <message>
        <source>Remedies for non-performance</source>
        <translation>不履行的救济</translation>
    </message>
    <message>
        <source>Apply for judicial confirmation</source>
        <translation>申请司法确认</translation>
    </message>
    <message>
        <source>Repair of the leak</source>
        <translation>渗漏维修</translation>
    </message>
    <message>
        <source>Compensation for leak damage</source>
        <translation>渗漏损失赔偿</translation>
    </message>
    <message>
        <source>Access for repairs</source>
        <translation>配合维修</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>安静时段</translation>
    </message>
    <message>
        <source>Responsible dog keeping</source>
        <translation>文明养犬</translation>
    </message>
    <message>
        <source>Parking space and passage</source>
        <translation>停车位、通道</translation>
    </message>
    <message>
        <source>Back payment of property fees</source>
        <translation>补缴物业费</translation>
    </message>
    <message>
        <source>Child support</source>
        <translation>子女抚养费</translation>
    </message>
    <message>
        <source>Support of parents</source>
        <translation>父母赡养费</translation>
    </message>
    <message>
        <source>Wage arrears</source>
        <translation>拖欠工资</translation>
    </message>
    <message>
        <source>Traffic accident compensation</source>
        <translation>交通事故赔偿</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>“订金” (a deposit) is not under the deposit penalty rule: on breach it is normally just returned. If the payer is to lose it and the recipient to pay back double on breach, write “定金”, at most 20% of the main contract&apos;s value.</source>
        <translation>“订金”不适用定金罚则，违约时一般只能返还。若约定“给付方违约不退、收受方违约双倍返还”，应写“定金”，且不得超过主合同标的额的20%。</translation>
    </message>
    <message>
        <source>“定金” (an earnest deposit) is under the penalty rule: a payer in breach loses it, a recipient in breach pays back double; at most 20% of the main contract&apos;s value. For a simple payment in advance write “预付款” or “订金”.</source>
        <translation>“定金”适用定金罚则：给付方违约无权要回，收受方违约须双倍返还，数额不得超过主合同标的额的20%。若只是预先支付的款项，应写“预付款”或“订金”。</translation>
    </message>
    <message>
        <source>“抚养” is what parents owe their children. Between spouses or siblings write “扶养”; children towards their parents, “赡养”.</source>
        <translation>“抚养”用于父母对子女。夫妻之间、兄弟姐妹之间应写“扶养”，子女对父母应写“赡养”。</translation>
    </message>
    <message>
        <source>“扶养” is between spouses or siblings. Parents towards their children: “抚养”; children towards their parents: “赡养”.</source>
        <translation>“扶养”用于夫妻之间、兄弟姐妹之间。父母对子女应写“抚养”，子女对父母应写“赡养”。</translation>
    </message>
    <message>
        <source>“赡养” is what children owe their parents (grandchildren their grandparents). Parents towards their children: “抚养”.</source>
        <translation>“赡养”用于子女对父母（孙子女对祖父母）。父母对子女应写“抚养”。</translation>
    </message>
    <message>
        <source>“补偿” does not presuppose fault (neither party is at fault and a loss is shared fairly). If one party is liable for a tort or a breach, write “赔偿”.</source>
        <translation>“补偿”不以过错为前提（如双方都无过错、公平分担损失）。若一方因侵权或违约承担责任，应写“赔偿”。</translation>
    </message>
    <message>
        <source>“赔偿” means one party is liable for a tort or a breach. If neither is at fault and a loss is only shared, write “补偿”.</source>
        <translation>“赔偿”表示一方承担侵权或违约责任。若双方均无过错、只是分担损失，应写“补偿”。</translation>
    </message>
    <message>
        <source>For “up to a time” write “截至” (as in “截至2026年3月31日”); “截止” means to stop on expiry and takes no time after it.</source>
        <translation>表示“到某时为止”应写“截至”（如“截至2026年3月31日”）；“截止”意为到期停止，后面不接时间。</translation>
    </message>
    <message>
        <source>For accounts and sums of money (“账户”, “账目”, “账款”) write “账”.</source>
        <translation>涉及钱款的“账户、账目、账款”用“账”。</translation>
    </message>
    <message>
        <source>In “权利义务” (rights and duties), “权利” is written with “利” (benefit).</source>
        <translation>“权利义务”的“权利”是利益之“利”。</translation>
    </message>
    <message>
        <source>For concluding an agreement or a contract write “签订”.</source>
        <translation>订立协议、合同写“签订”。</translation>
    </message>
    <message>
        <source>In people&apos;s mediation the parties are “申请人” and “被申请人” (or their names), not “原告” and “被告”.</source>
        <translation>人民调解中当事人称“申请人”“被申请人”（或写姓名），不称“原告”“被告”。</translation>
    </message>
    <message>
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Major or difficult</source>
        <translation>重大疑难</translation>
    </message>
    <message>
        <source>Village (residents&apos;) committee</source>
        <translation>村(居)</translation>
    </message>
    <message>
        <source>Township (sub-district)</source>
        <translation>乡镇(街道)</translation>
    </message>
    <message>
        <source>Enterprise or institution</source>
        <translation>企事业单位</translation>
    </message>
    <message>
        <source>Sector or professional</source>
        <translation>行业性专业性</translation>
    </message>
    <message>
        <source>Kept a civil dispute from turning criminal</source>
        <translation>防止民转刑</translation>
    </message>
    <message>
        <source>Prevented a group petition</source>
        <translation>防止群体性上访</translation>
    </message>
    <message>
        <source>Prevented a group fight</source>
        <translation>防止群体性械斗</translation>
    </message>
    <message>
        <source>Prevented a suicide</source>
        <translation>防止自杀</translation>
    </message>
</context>
<context>
    <name>LedgerDonePage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>保存导入报告…</translation>
    </message>
    <message>
        <source>Importing… (one step: all the cases or none)</source>
        <translation>正在导入…（一次完成：要么全部导入，要么一件也不导入）</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) imported, all at the accepted (受理) stage and marked as coming from the ledger.</source>
        <translation>
            <numerusform>已导入 %n 件案件，均为“受理”状态，标记为台账导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were left out (listed below).</source>
        <translation>
            <numerusform>有 %n 行未导入（见下）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) cannot be imported (listed below).</source>
        <translation>
            <numerusform>未导入任何案件：有 %n 行不能导入（见下）。</numerusform>
        </translation>
    </message>
    <message>
        <source>What the imported cases still lack (file completeness), cases each:</source>
        <translation>导入的案件尚缺（卷宗完整性检查，件数）：</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>Ledger import report.txt</source>
        <translation>台账导入报告.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt);;Excel workbooks (*.xlsx)</source>
        <translation>文本文件 (*.txt);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>LedgerFields</name>
    <message>
        <source>Serial number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Date accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Case source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Parties (both sides)</source>
        <translation>当事人（双方）</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>ID numbers (in the parties&apos; order)</source>
        <translation>身份证号码（按当事人顺序）</translation>
    </message>
    <message>
        <source>Applicants&apos; ID numbers</source>
        <translation>申请人身份证号码</translation>
    </message>
    <message>
        <source>Respondents&apos; ID numbers</source>
        <translation>被申请人身份证号码</translation>
    </message>
    <message>
        <source>Phone numbers (in the parties&apos; order)</source>
        <translation>联系电话（按当事人顺序）</translation>
    </message>
    <message>
        <source>Applicants&apos; phone numbers</source>
        <translation>申请人联系电话</translation>
    </message>
    <message>
        <source>Respondents&apos; phone numbers</source>
        <translation>被申请人联系电话</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Summary of the dispute</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <source>Mediation result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Agreed amount</source>
        <translation>协议金额</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
</context>
<context>
    <name>LedgerFilePage</name>
    <message>
        <source>Choose the ledger file</source>
        <translation>选择台账文件</translation>
    </message>
    <message>
        <source>Choose the studio&apos;s ledger: an Excel workbook (.xlsx) saved by Excel or WPS. The next steps show what would be imported; nothing is saved before the last step.</source>
        <translation>请选择工作室的台账：用 Excel 或 WPS 保存的 Excel 工作簿（.xlsx）。接下来几步会显示将导入哪些内容；最后一步之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read. Nothing was imported.</source>
        <translation>无法读取这个文件，未导入任何案件。</translation>
    </message>
</context>
<context>
    <name>LedgerImportProgress</name>
    <message>
        <source>Reading the ledger: row %1…</source>
        <translation>正在读取台账：第 %1 行…</translation>
    </message>
    <message>
        <source>The ledger could not be imported. Nothing was imported.</source>
        <translation>台账无法导入，未导入任何案件。</translation>
    </message>
</context>
<context>
    <name>LedgerMappingPage</name>
    <message>
        <source>No column is chosen for the date accepted.</source>
        <translation>还没有指定“受理日期”所在的列。</translation>
    </message>
    <message>
        <source>No column is chosen for the parties (or the applicants and respondents).</source>
        <translation>还没有指定当事人（或申请人、被申请人）所在的列。</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>核对每一列的内容</translation>
    </message>
    <message>
        <source>Each column of the ledger&apos;s header and what it will be imported as. Change a choice if it is wrong; choose “Not imported” for a column to leave out.</source>
        <translation>下面是台账表头的每一列，以及它将作为什么内容导入。对应得不对的，请改选；不需要的列，请选“不导入”。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the ledger</source>
        <translation>台账中的表头</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Sheet “%1”, header in row %2.</source>
        <translation>工作表“%1”，表头在第 %2 行。</translation>
    </message>
    <message>
        <source>Column %1 imported as</source>
        <translation>%1 列导入为</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>One row per case accepted in the period, in the columns studios hand up, with the statistics report of the same period as a second sheet (Excel).</source>
        <translation>所选期间受理的案件每件一行，列与上报的台账一致；同期的统计报表作为第二个工作表（Excel 文件）。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Export the ledger…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Bring in an existing ledger</source>
        <translation>导入原有台账</translation>
    </message>
    <message>
        <source>Cases from the Excel ledger the studio kept before: choose the file, check which column holds what, look at the preview, then import. Nothing is saved before the last step. Imported cases start as accepted (受理) and are marked as coming from the ledger.</source>
        <translation>把工作室以前用 Excel 记的台账导入本机：选择文件，核对每一列对应的内容，查看预览，再导入。最后一步之前不会保存任何内容。导入的案件为“受理”状态，并标记为台账导入。</translation>
    </message>
    <message>
        <source>Import an Excel ledger…</source>
        <translation>导入 Excel 台账…</translation>
    </message>
    <message>
        <source>Mediation ledger %1.xlsx</source>
        <translation>%1年调解台账.xlsx</translation>
    </message>
    <message>
        <source>Mediation ledger %1-%2.xlsx</source>
        <translation>%1年%2月调解台账.xlsx</translation>
    </message>
    <message>
        <source>the year %1</source>
        <translation>%1年全年</translation>
    </message>
    <message>
        <source>%2/%1</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Save the ledger</source>
        <translation>保存台账</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the ledger of %1…</source>
        <translation>正在导出%1的台账…</translation>
    </message>
    <message numerus="yes">
        <source>Ledger of %1 saved: %n case(s).</source>
        <translation>
            <numerusform>%1的台账已导出：%n 件案件。</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>The ledger was not saved.</source>
        <translation>台账未能保存。</translation>
    </message>
    <message>
        <source>The ledger was not saved: %1</source>
        <translation>台账未能保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) imported from the ledger. They are in the case list.</source>
        <translation>
            <numerusform>已从台账导入 %n 件案件，可在“案件”列表中查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerPreviewPage</name>
    <message>
        <source>Preview: what would be imported</source>
        <translation>预览：将导入的内容</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Date accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>纠纷简要情况</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>不能导入的行</translation>
    </message>
    <message>
        <source>Checking every row of the ledger…</source>
        <translation>正在逐行检查台账…</translation>
    </message>
    <message>
        <source>%1 row(s) can be imported, %2 row(s) cannot, %3 row(s) skipped (totals, notes under the table, repeated headers).</source>
        <translation>%1 行可以导入，%2 行不能导入，%3 行跳过（合计行、表尾说明、重复的表头）。</translation>
    </message>
    <message>
        <source>Rows not imported (%1)</source>
        <translation>不能导入的行（%1）</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>提示（%1）</translation>
    </message>
    <message>
        <source>Import the %1 good row(s) and leave out the %2 row(s) that cannot be imported</source>
        <translation>只导入无误的 %1 行，不能导入的 %2 行不导入</translation>
    </message>
    <message>
        <source>No row of this ledger can be imported. Check the column choices (Back) or the rows listed under “Rows not imported”.</source>
        <translation>这份台账没有可以导入的行。请返回核对每一列的对应，或查看“不能导入的行”。</translation>
    </message>
    <message>
        <source>Will be imported</source>
        <translation>可导入</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不能导入</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>LedgerReportFile</name>
    <message>
        <source>Ledger import report</source>
        <translation>台账导入报告</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Sheet: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <source>Made: %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message>
        <source>Imported: %1 case(s); not imported: %2 row(s); skipped: %3 row(s).</source>
        <translation>已导入 %1 件；未导入 %2 行；跳过 %3 行。</translation>
    </message>
    <message>
        <source>Nothing was imported; rows that cannot be imported: %1.</source>
        <translation>未导入任何案件；不能导入的行：%1 行。</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列的对应：</translation>
    </message>
    <message>
        <source>Rows not imported:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>What the imported cases still lack (file completeness), cases each:</source>
        <translation>导入的案件尚缺（卷宗完整性检查，件数）：</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
</context>
<context>
    <name>LedgerSheetPage</name>
    <message>
        <source>Which sheet is the ledger</source>
        <translation>哪个工作表是台账</translation>
    </message>
    <message>
        <source>The workbook has several sheets. The one whose header was recognised best is chosen; choose another if that is not the ledger. Hidden sheets are never imported.</source>
        <translation>这个文件有几个工作表。已选中表头最像台账的一个；如果它不是台账，请选择另一个。隐藏的工作表不会导入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
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
        <source>Dispute screening</source>
        <translation>矛盾排查</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Mediator: %1</source>
        <translation>调解员：%1</translation>
    </message>
    <message>
        <source>Registered: %1. Open the case to continue with it now?</source>
        <translation>已登记：%1。现在打开这个案件继续办理吗？</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the studio</source>
        <translation>
            <numerusform>本工作室共 %n 件案件</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to Today</source>
        <translation>返回今日待办</translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation>返回案件列表</translation>
    </message>
    <message>
        <source>Back to the statistics</source>
        <translation>返回统计</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <source>Principal officer:</source>
        <translation>主要负责人：</translation>
    </message>
    <message>
        <source>Legal representative:</source>
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
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
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
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Correct this party&apos;s details</source>
        <translation>更正该当事人信息</translation>
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
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Principal officer (unincorporated body)</source>
        <translation>主要负责人（非法人组织）</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>已提交授权委托书</translation>
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
        <source>Acts as</source>
        <translation>代表人身份</translation>
    </message>
    <message>
        <source>Acts for *</source>
        <translation>代理对象 *</translation>
    </message>
    <message>
        <source>Power of attorney</source>
        <translation>授权委托书</translation>
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
        <translation>身份证号码</translation>
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
        <source>Principal officer *</source>
        <translation>主要负责人 *</translation>
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
        <translation>已根据身份证号码自动填写性别和出生日期（%1 岁）。</translation>
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
    <message>
        <source>Address not given: the documents will leave it blank. Correct the party&apos;s details when it is known.</source>
        <translation>未填写住所：文书上此栏将空着，知道后请更正当事人信息补上。</translation>
    </message>
    <message>
        <source>Unified social credit code not given: the documents will leave it blank. Correct the party&apos;s details when it is known.</source>
        <translation>未填写统一社会信用代码：文书上此栏将空着，知道后请更正当事人信息补上。</translation>
    </message>
</context>
<context>
    <name>PartyCorrectionDialog</name>
    <message>
        <source>Correct party details</source>
        <translation>更正当事人信息</translation>
    </message>
    <message>
        <source>Correct the details of this party</source>
        <translation>更正该当事人的信息</translation>
    </message>
    <message>
        <source>The change is kept in the case&apos;s history (who, when, old and new value). Documents made from now on print the new details.</source>
        <translation>更正会记入本案的更正记录（更正人、时间、原值和新值）。此后制作的文书使用更正后的信息。</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有修改任何内容。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Document preview</source>
        <translation>文书预览</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>选择月份</translation>
    </message>
    <message>
        <source>A quarter</source>
        <translation>选择季度</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>选择年份</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>自定义起止日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation>第四季度</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
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
        <source>For the statistics</source>
        <translation>统计情况</translation>
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
        <source>Still to complete (correct the party later):</source>
        <translation>尚待补充（可稍后更正当事人信息）：</translation>
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
    <name>ReportModel</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Counted by</source>
        <translation>统计日期</translation>
    </message>
</context>
<context>
    <name>RequestsEditor</name>
    <message>
        <source>Add a request</source>
        <translation>添加申请事项</translation>
    </message>
    <message>
        <source>e.g. Repair the leaking water pipe</source>
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
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Studio:</source>
        <translation>工作室：</translation>
    </message>
    <message>
        <source>Cases in the backup:</source>
        <translation>备份中的案件数：</translation>
    </message>
    <message>
        <source>Newest case:</source>
        <translation>最新案件：</translation>
    </message>
    <message>
        <source>Backup made on:</source>
        <translation>备份时间：</translation>
    </message>
    <message>
        <source>The data you have now is kept first as a backup named &quot;pre-restore&quot;; its name is shown when the restore is done.</source>
        <translation>恢复前会先把现在的数据保存为“pre-restore（恢复前）”备份，恢复完成后会显示它的文件名。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>This file cannot be restored: %1</source>
        <translation>这个文件不能用来恢复：%1</translation>
    </message>
    <message>
        <source>The backup is sound. It holds:</source>
        <translation>备份完好，其中有：</translation>
    </message>
    <message>
        <source>%1 (registered %2)</source>
        <translation>%1（受理日期 %2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The data you have now cannot be read, so it is not known which cases would disappear.</source>
        <translation>现在的数据无法读取，无法知道恢复后会少哪些案件。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) you have now are not in this backup and would disappear.</source>
        <translation>
            <numerusform>现在的 %n 件案件不在这个备份中，恢复后将不再出现。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every case you have now is in this backup.</source>
        <translation>现在的案件这个备份中都有。</translation>
    </message>
    <message>
        <source>I understand that these cases will disappear.</source>
        <translation>我知道这些案件将不再出现。</translation>
    </message>
    <message>
        <source>This is the backup of another studio (%1). Restore it anyway.</source>
        <translation>这是另一个工作室（%1）的备份。仍然恢复。</translation>
    </message>
</context>
<context>
    <name>ScreenedRegistration</name>
    <message>
        <source>Back to the screening register</source>
        <translation>返回排查登记</translation>
    </message>
    <message>
        <source>A dispute found on the visit of %1 to %2. Add the parties and save: the case is linked to this visit.</source>
        <translation>%1在%2排查时发现的纠纷。请填写当事人后保存，案件将与这次排查关联。</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>Screening register</source>
        <translation>矛盾纠纷排查登记</translation>
    </message>
    <message>
        <source>Visits to find disputes before they come to the studio. The monthly report counts them.</source>
        <translation>主动走访排查矛盾纠纷的记录，月度统计报表按排查日期统计。</translation>
    </message>
    <message>
        <source>◀ Previous month</source>
        <translation>◀ 上个月</translation>
    </message>
    <message>
        <source>Next month ▶</source>
        <translation>下个月 ▶</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>排查日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>排查地点</translation>
    </message>
    <message>
        <source>Who went</source>
        <translation>排查人员</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现纠纷</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>当场化解</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>排查情况</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>登记情况</translation>
    </message>
    <message>
        <source>No screening visits recorded in this month.</source>
        <translation>本月还没有排查记录。</translation>
    </message>
    <message>
        <source>Register as a case</source>
        <translation>登记为案件</translation>
    </message>
    <message>
        <source>Register a dispute found on the chosen visit as a case</source>
        <translation>把所选排查中发现的一件纠纷登记为案件</translation>
    </message>
    <message>
        <source>Record a screening visit</source>
        <translation>记录一次排查</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Visits: %1    Disputes found: %2    Settled on the spot: %3</source>
        <translation>排查次数：%1次&#x3000;&#x3000;发现纠纷：%2件&#x3000;&#x3000;当场化解：%3件</translation>
    </message>
    <message>
        <source>Registered as case %1</source>
        <translation>已登记为案件%1</translation>
    </message>
    <message>
        <source>The screening visit was recorded.</source>
        <translation>排查记录已保存。</translation>
    </message>
    <message>
        <source>Registered as case %1.</source>
        <translation>已登记为案件%1。</translation>
    </message>
    <message>
        <source>Registered as case %1, from the visit of %2 to %3.</source>
        <translation>已登记为案件%1（%2在%3排查时发现）。</translation>
    </message>
</context>
<context>
    <name>SealImportDialog</name>
    <message>
        <source>Import the committee seal</source>
        <translation>导入调解委员会印章</translation>
    </message>
    <message>
        <source>Choose the seal as a PNG image with a transparent background. It is printed over the committee&apos;s name on every sealed document. Without a seal, documents are marked as drafts.</source>
        <translation>请选择背景透明的PNG格式印章图片。印章将盖在每份需盖章文书的调解委员会名称上。未导入印章时，文书均标为草稿。</translation>
    </message>
    <message>
        <source>Choose PNG file…</source>
        <translation>选择PNG文件…</translation>
    </message>
    <message>
        <source>Import seal</source>
        <translation>导入印章</translation>
    </message>
    <message>
        <source>Only the studio head can import the seal.</source>
        <translation>只有工作室负责人可以导入印章。</translation>
    </message>
    <message>
        <source>Choose the seal image</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG图片 (*.png)</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
</context>
<context>
    <name>SignaturePadDialog</name>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Sign here with your finger or the pen</source>
        <translation>请用手指或手写笔在此签名</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Your data was upgraded for this version of Mediator. Everything is in place.

A copy of the data as it was before the upgrade was saved first:
%1</source>
        <translation>数据已升级，以配合这一版调解工作台，所有内容都在。

升级前已先把原来的数据备份了一份，保存在：
%1</translation>
    </message>
    <message>
        <source>Data upgraded</source>
        <translation>数据已升级</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Mediating body</source>
        <translation>调解组织类型</translation>
    </message>
</context>
<context>
    <name>StatisticsNames</name>
    <message>
        <source>Disputes accepted</source>
        <translation>受理纠纷</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Group disputes</source>
        <translation>群体性纠纷</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Mediated successfully</source>
        <translation>调解成功</translation>
    </message>
    <message>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <source>Amount covered by agreements</source>
        <translation>协议涉及金额</translation>
    </message>
    <message>
        <source>Civil turned criminal prevented (cases)</source>
        <translation>防止民转刑（件）</translation>
    </message>
    <message>
        <source>Civil turned criminal prevented (people)</source>
        <translation>防止民转刑（人）</translation>
    </message>
    <message>
        <source>Group petitions prevented (cases)</source>
        <translation>防止群体性上访（件）</translation>
    </message>
    <message>
        <source>Group petitions prevented (people)</source>
        <translation>防止群体性上访（人）</translation>
    </message>
    <message>
        <source>Group fights prevented (cases)</source>
        <translation>防止群体性械斗（件）</translation>
    </message>
    <message>
        <source>Group fights prevented (people)</source>
        <translation>防止群体性械斗（人）</translation>
    </message>
    <message>
        <source>Suicides prevented (cases)</source>
        <translation>防止自杀（件）</translation>
    </message>
    <message>
        <source>Suicides prevented (people)</source>
        <translation>防止自杀（人）</translation>
    </message>
    <message>
        <source>Simple cases</source>
        <translation>简单案件</translation>
    </message>
    <message>
        <source>Ordinary cases</source>
        <translation>一般案件</translation>
    </message>
    <message>
        <source>Major or difficult cases</source>
        <translation>重大疑难案件</translation>
    </message>
    <message>
        <source>Agreements performed</source>
        <translation>协议履行</translation>
    </message>
    <message>
        <source>Judicial confirmations</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <source>Screening visits</source>
        <translation>排查次数</translation>
    </message>
    <message>
        <source>Disputes found by screening</source>
        <translation>排查发现纠纷</translation>
    </message>
    <message>
        <source>Disputes settled by screening</source>
        <translation>排查化解纠纷</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>次</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Date accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Date performed</source>
        <translation>履行完毕日期</translation>
    </message>
    <message>
        <source>Date of the ruling</source>
        <translation>裁定日期</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>排查日期</translation>
    </message>
    <message>
        <source>Cases whose date of acceptance is in the period (cases refused are not counted).</source>
        <translation>受理日期在期间内的案件（不予受理的不计）。</translation>
    </message>
    <message>
        <source>The people involved in the cases accepted; where not stated, the parties (not their agents) are counted.</source>
        <translation>受理案件的涉及人数之和；未填写的按当事人（不含代理人）人数计。</translation>
    </message>
    <message>
        <source>Cases accepted that involve 10 people or more or are marked as group disputes.</source>
        <translation>受理案件中涉及10人以上或标为群体性的案件。</translation>
    </message>
    <message>
        <source>Cases mediated successfully plus cases where mediation failed (terminated), by the date they closed.</source>
        <translation>调解成功与调解不成（终止）之和，按结案日期计。</translation>
    </message>
    <message>
        <source>Cases with a written or oral agreement that were not terminated, by the date the agreement was reached (the date closed).</source>
        <translation>达成书面或口头协议且未终止的案件，按达成协议日期（结案日期）计。</translation>
    </message>
    <message>
        <source>Cases whose mediation was terminated, by the date of termination (the date closed).</source>
        <translation>调解终止的案件，按终止日期（结案日期）计。</translation>
    </message>
    <message>
        <source>Cases mediated successfully ÷ cases closed × 100, over the same period and by the same date closed.</source>
        <translation>调解成功件数 ÷ 结案件数 × 100，同一期间、同按结案日期。</translation>
    </message>
    <message>
        <source>The amounts of the agreements (addenda excluded) of the cases mediated successfully, by the date closed.</source>
        <translation>调解成功案件各份协议（补充协议除外）所载金额之和，按结案日期计。</translation>
    </message>
    <message>
        <source>Cases closed that record a civil dispute kept from turning criminal, by the date closed.</source>
        <translation>结案案件中记录了防止民转刑的案件数，按结案日期计。</translation>
    </message>
    <message>
        <source>The people involved where a civil dispute was kept from turning criminal, in the cases closed, by the date closed.</source>
        <translation>结案案件中防止民转刑所涉人数之和，按结案日期计。</translation>
    </message>
    <message>
        <source>Cases closed that record a group petition prevented, by the date closed.</source>
        <translation>结案案件中记录了防止群体性上访的案件数，按结案日期计。</translation>
    </message>
    <message>
        <source>The people involved where a group petition was prevented, in the cases closed, by the date closed.</source>
        <translation>结案案件中防止群体性上访所涉人数之和，按结案日期计。</translation>
    </message>
    <message>
        <source>Cases closed that record a group fight prevented, by the date closed.</source>
        <translation>结案案件中记录了防止群体性械斗的案件数，按结案日期计。</translation>
    </message>
    <message>
        <source>The people involved where a group fight was prevented, in the cases closed, by the date closed.</source>
        <translation>结案案件中防止群体性械斗所涉人数之和，按结案日期计。</translation>
    </message>
    <message>
        <source>Cases closed that record a suicide prevented, by the date closed.</source>
        <translation>结案案件中记录了防止自杀的案件数，按结案日期计。</translation>
    </message>
    <message>
        <source>The people involved where a suicide was prevented, in the cases closed, by the date closed.</source>
        <translation>结案案件中防止自杀所涉人数之和，按结案日期计。</translation>
    </message>
    <message>
        <source>Cases closed graded simple (cases without statistics facts count as simple).</source>
        <translation>结案案件中难易程度为简单的（未填写统计要素的按简单计）。</translation>
    </message>
    <message>
        <source>Cases closed graded ordinary.</source>
        <translation>结案案件中难易程度为一般的。</translation>
    </message>
    <message>
        <source>Cases closed graded major or difficult.</source>
        <translation>结案案件中难易程度为重大疑难的。</translation>
    </message>
    <message>
        <source>Cases whose obligations are all performed, by the date the last was performed; an agreement without listed obligations, by the date a follow-up found it performed.</source>
        <translation>全部履行事项均已履行的案件，按最后一项的履行日期计；协议未列履行事项的，按回访确认已履行的日期计。</translation>
    </message>
    <message>
        <source>Cases whose agreement a people&apos;s court confirmed as valid, by the date of the ruling.</source>
        <translation>人民法院裁定确认调解协议有效的案件，按裁定日期计。</translation>
    </message>
    <message>
        <source>Screening visits whose date is in the period.</source>
        <translation>排查日期在期间内的排查记录。</translation>
    </message>
    <message>
        <source>The disputes found on the screening visits.</source>
        <translation>各次排查发现的纠纷数之和。</translation>
    </message>
    <message>
        <source>The disputes settled (prevented) on the spot during the screening visits.</source>
        <translation>各次排查当场化解（防止）的纠纷数之和。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>保存为 Excel…</translation>
    </message>
    <message>
        <source>Statistics report</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Break down by:</source>
        <translation>分类统计：</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>分类统计</translation>
    </message>
    <message>
        <source>Which date counts for which figure</source>
        <translation>统计口径（各项指标按哪个日期计入期间）</translation>
    </message>
    <message>
        <source>The statistics could not be counted.</source>
        <translation>未能完成统计。</translation>
    </message>
    <message>
        <source>Mediation statistics report (%1)</source>
        <translation>人民调解工作统计表（%1）</translation>
    </message>
    <message>
        <source>%1 to %2: %3 accepted, %4 succeeded.</source>
        <translation>%1 至 %2：受理 %3 件，调解成功 %4 件。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Finding the cases…</source>
        <translation>正在查找案件…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the statistics report</source>
        <translation>保存统计报表</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>StatisticsTable</name>
    <message>
        <source>Click to see the cases behind this number</source>
        <extracomment>(figure code, breakdown cell) — what :meth:`StatisticsService.drill_down` takes.</extracomment>
        <translation>点击查看这个数字包含的案件</translation>
    </message>
</context>
<context>
    <name>StudioPage</name>
    <message>
        <source>Studio settings</source>
        <translation>工作室设置</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>工作室</translation>
    </message>
    <message>
        <source>Committee or studio:</source>
        <translation>调解委员会（工作室）：</translation>
    </message>
    <message>
        <source>Case-number prefix:</source>
        <translation>案号字头：</translation>
    </message>
    <message>
        <source>First case number this year:</source>
        <translation>今年第一个案号：</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>当前使用人：</translation>
    </message>
    <message>
        <source>Kind of mediating body:</source>
        <translation>调解组织类型：</translation>
    </message>
    <message>
        <source>Committee seal</source>
        <translation>调解委员会印章</translation>
    </message>
    <message>
        <source>Import the seal…</source>
        <translation>导入印章…</translation>
    </message>
    <message>
        <source>studio head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>The seal is imported. It is printed over the committee&apos;s name when the head approves an agreement.</source>
        <translation>印章已导入。负责人审批调解协议时，印章会盖在调解委员会名称上。</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>未导入印章</translation>
    </message>
    <message>
        <source>No seal has been imported yet: documents are marked as drafts and agreements cannot be finalised.</source>
        <translation>尚未导入印章：文书会标为草稿，调解协议不能定稿。</translation>
    </message>
    <message>
        <source>Only the studio head can change this.</source>
        <translation>只有工作室负责人可以更改。</translation>
    </message>
    <message>
        <source>Only the studio head can import the seal.</source>
        <translation>只有工作室负责人可以导入印章。</translation>
    </message>
</context>
<context>
    <name>SyncSlot</name>
    <message>
        <source>District server (sync)</source>
        <extracomment>How long after the window appears the sync pieces are loaded.</extracomment>
        <translation>区级服务器（同步）</translation>
    </message>
    <message>
        <source>Cases are kept on this PC and sent to the district server whenever it can be reached. If a record was changed on two PCs before they synced, both versions are kept below until you choose one.</source>
        <translation>案件保存在本机，能连上区级服务器时自动送达。如果同一条记录在两台电脑上都改过，两边的内容都会保留在下面，等您选择保留哪一个。</translation>
    </message>
    <message>
        <source>Sync conflicts to resolve: %1</source>
        <translation>待处理的同步冲突：%1 处</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接服务器</translation>
    </message>
    <message>
        <source>Not connected to a district server</source>
        <translation>尚未连接区级服务器</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync: %1 · pending: %2 · conflicts: %3</source>
        <translation>上次同步：%1 · 待发送：%2 条 · 冲突：%3 处</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>These cases were numbered before this PC was connected, with numbers another PC of this studio also used; their case numbers have been corrected: %1. Please correct documents already printed to the new numbers.</source>
        <translation>以下案件在联网前编号与本工作室其他电脑重复，已自动更正案号：%1。已打印的文书请按新案号更正。</translation>
    </message>
    <message>
        <source>Case numbers corrected</source>
        <translation>案号已更正</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Standard</source>
        <extracomment>Body text in points (at 96 logical dpi: 16, 18.7 and 22 px). 标准 is at least 16 px. Size factor and weight of each role&apos;s font, relative to the body font. The application&apos;s style, referenced here so Python never collects it while Qt paints with it; made once per process (replacing a style the widgets are polished with, e.g. on a second install in the same process, is not needed).</extracomment>
        <translation>标准</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a screening visit</source>
        <translation>记录一次排查</translation>
    </message>
    <message>
        <source>Where you went looking for disputes, and what you found. Fields marked * are required.</source>
        <translation>填写到哪里排查、发现了什么。带 * 的为必填项。</translation>
    </message>
    <message>
        <source>Village, community, market, building site…</source>
        <translation>村、社区、市场、工地……</translation>
    </message>
    <message>
        <source>What kind of disputes, who was visited</source>
        <translation>发现了哪些纠纷、走访了哪些人</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>排查日期 *</translation>
    </message>
    <message>
        <source>Place *</source>
        <translation>排查地点 *</translation>
    </message>
    <message>
        <source>Who went</source>
        <translation>排查人员</translation>
    </message>
    <message>
        <source>Disputes found</source>
        <translation>发现纠纷数</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>当场化解数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>排查情况</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>%1 copies: one per party and one for the committee</source>
        <translation>一式%1份：当事人各一份，调委会一份</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>还剩%1天</translation>
    </message>
    <message>
        <source>%1 item(s) missing, %2 note(s).</source>
        <translation>共%1项缺失，%2项提示。</translation>
    </message>
    <message>
        <source>%1 item(s) must be completed first (see the rail).</source>
        <translation>还有%1项须先补正（见左侧步骤栏）。</translation>
    </message>
    <message>
        <source>%1 item(s) need attention, %2 overdue.</source>
        <translation>共%1项待办，其中%2项已逾期。</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>缺%1项</translation>
    </message>
    <message>
        <source>%1 signed, sealed or thumbprinted</source>
        <translation>%1已签名、盖章或按指印</translation>
    </message>
    <message>
        <source>%1, %2 missing</source>
        <translation>%1，缺%2项</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>A case is registered on %1, after this date: check the computer&apos;s date.</source>
        <translation>有案件的登记日期是%1，晚于这个日期：请检查电脑的日期是否正确。</translation>
    </message>
    <message>
        <source>A written agreement, an oral agreement registered by the mediator, or the end of mediation with its reason and the legal routes the parties were told of.</source>
        <translation>书面调解协议、由调解员登记的口头协议，或调解不成（终止），写明原因和已告知当事人的其他解决途径。</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Add a performance item</source>
        <translation>增加履行事项</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>增加一组问答</translation>
    </message>
    <message>
        <source>Add a term</source>
        <translation>增加一条</translation>
    </message>
    <message>
        <source>Add photo or scan</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <source>Add photo or scan…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Agents and powers of attorney</source>
        <translation>代理人及授权委托书</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Agreed on *</source>
        <translation>达成协议日期 *</translation>
    </message>
    <message>
        <source>Agreement (draft)</source>
        <translation>调解协议（草稿）</translation>
    </message>
    <message>
        <source>Agreement (final)</source>
        <translation>调解协议（已定稿）</translation>
    </message>
    <message>
        <source>Agreement draft saved.</source>
        <translation>协议草稿已保存。</translation>
    </message>
    <message>
        <source>Agreement performed? *</source>
        <translation>协议是否履行 *</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Amount in dispute (yuan)</source>
        <translation>标的额（元）</translation>
    </message>
    <message>
        <source>Amount involved (yuan)</source>
        <translation>协议涉及金额（元）</translation>
    </message>
    <message>
        <source>Amount paid (yuan)</source>
        <translation>履行金额（元）</translation>
    </message>
    <message>
        <source>An archived file cannot be changed.</source>
        <translation>卷宗归档后不能再修改。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请书</translation>
    </message>
    <message>
        <source>Applied on *</source>
        <translation>申请日期 *</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Archive the case</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Archived on *</source>
        <translation>归档日期 *</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>附件 (%1)</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>附件：%1个</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Change the difficulty grade</source>
        <translation>更改案件难易程度</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Check the papers in the file. A case that cannot be accepted is refused with its reason.</source>
        <translation>核对卷内材料。不能受理的，写明理由后不予受理。</translation>
    </message>
    <message>
        <source>Check wording</source>
        <translation>用语校对</translation>
    </message>
    <message>
        <source>Choose a clause…</source>
        <translation>选择条款…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Clause library</source>
        <translation>条款库</translation>
    </message>
    <message>
        <source>Close the file once it is complete. Archiving checks every required document and lists what is missing.</source>
        <translation>卷宗材料齐全后归档。归档时会检查每一份必备材料，并列出缺少的内容。</translation>
    </message>
    <message>
        <source>Committee seal applied</source>
        <translation>已加盖调委会印章</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>卷宗完整性检查</translation>
    </message>
    <message>
        <source>Completeness report…</source>
        <translation>卷宗完整性报告…</translation>
    </message>
    <message>
        <source>Confirmed as valid</source>
        <translation>确认有效</translation>
    </message>
    <message>
        <source>Consented</source>
        <translation>同意延期的当事人</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Counted by this computer&apos;s date, %1.</source>
        <translation>按本机日期%1计算。</translation>
    </message>
    <message>
        <source>Court *</source>
        <translation>受理法院 *</translation>
    </message>
    <message>
        <source>Court chosen because</source>
        <translation>管辖依据</translation>
    </message>
    <message>
        <source>Current term ends</source>
        <translation>现调解期限至</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Did the mediation keep the dispute from escalating?</source>
        <translation>调解是否防止了纠纷激化？</translation>
    </message>
    <message>
        <source>Difficulty of this case</source>
        <translation>案件难易程度</translation>
    </message>
    <message>
        <source>Drag photos or scans here (JPG, PNG, HEIC, PDF; up to 20 MB).</source>
        <translation>可把照片或扫描件拖到这里（JPG、PNG、HEIC、PDF，不超过20 MB）。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>End mediation</source>
        <translation>终止调解</translation>
    </message>
    <message>
        <source>End of mediation</source>
        <translation>调解终止</translation>
    </message>
    <message>
        <source>Ended on *</source>
        <translation>终止日期 *</translation>
    </message>
    <message>
        <source>Every party signs the notice of rights and duties before the first session. Tick who has signed and when.</source>
        <translation>首次调解前，每位当事人都须签收权利义务告知书。请勾选已签收的当事人并填写日期。</translation>
    </message>
    <message>
        <source>Evidence checked</source>
        <translation>证据核对情况</translation>
    </message>
    <message>
        <source>Extend term</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Extend the mediation term (all parties must consent)</source>
        <translation>延长调解期限（须经全部当事人同意）</translation>
    </message>
    <message>
        <source>File completeness</source>
        <translation>卷宗完整性</translation>
    </message>
    <message>
        <source>File completeness — %1</source>
        <translation>卷宗完整性 — %1</translation>
    </message>
    <message>
        <source>Fill in %1: the clause&apos;s placeholder is still in the text.</source>
        <translation>请填写%1：条款中的待填内容还没有改为实际情况。</translation>
    </message>
    <message>
        <source>Follow-up records: %1</source>
        <translation>回访记录：%1份</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>For the statistics</source>
        <translation>本案统计情况</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>难易程度</translation>
    </message>
    <message>
        <source>How</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>How and by when it is performed *</source>
        <translation>履行方式、时限 *</translation>
    </message>
    <message>
        <source>Identity papers in the file</source>
        <translation>卷内的身份证明材料</translation>
    </message>
    <message>
        <source>If any, e.g. 3000</source>
        <translation>如有，例如 3000 或 1.2万</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>卷内已有</translation>
    </message>
    <message>
        <source>Insert clause</source>
        <translation>插入条款</translation>
    </message>
    <message>
        <source>Investigation records</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <source>Investigation records: %1</source>
        <translation>调查记录：%1份</translation>
    </message>
    <message>
        <source>Investigator *</source>
        <translation>调查人 *</translation>
    </message>
    <message>
        <source>Joint applicants</source>
        <translation>共同申请人</translation>
    </message>
    <message>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <source>Lawsuit and its result</source>
        <translation>是否起诉及结果</translation>
    </message>
    <message>
        <source>Leave empty when the mediator keeps the record</source>
        <translation>由调解员本人记录时不填</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>诉讼保留</translation>
    </message>
    <message>
        <source>Legal hold (never dispose while a lawsuit or complaint is open)</source>
        <translation>诉讼保留（涉诉、投诉未结期间不得销毁）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Look ahead (days)</source>
        <translation>提前提醒（天）</translation>
    </message>
    <message>
        <source>Main facts and disputed matters *</source>
        <translation>纠纷主要事实、争议事项 *</translation>
    </message>
    <message>
        <source>Matter *</source>
        <translation>事由 *</translation>
    </message>
    <message>
        <source>Matters a court will not confirm</source>
        <translation>人民法院不予司法确认的事项</translation>
    </message>
    <message>
        <source>Meant as written</source>
        <translation>确认用词无误</translation>
    </message>
    <message>
        <source>Meant as written:</source>
        <translation>确认无误：</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Mediation failed or ended</source>
        <translation>调解不成/终止</translation>
    </message>
    <message>
        <source>Mediation records: %1</source>
        <translation>调解记录：%1份</translation>
    </message>
    <message>
        <source>Mediation session record</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Mediation succeeded: conclude with this agreement</source>
        <translation>调解成功：以此协议结案</translation>
    </message>
    <message>
        <source>Mediator signed</source>
        <translation>人民调解员已签名</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>New end of term</source>
        <translation>延长至</translation>
    </message>
    <message>
        <source>New investigation record</source>
        <translation>新调查记录</translation>
    </message>
    <message>
        <source>New session record</source>
        <translation>新调解记录</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No agent acts in this case.</source>
        <translation>本案没有代理人。</translation>
    </message>
    <message>
        <source>No follow-up visit yet.</source>
        <translation>尚无回访记录。</translation>
    </message>
    <message>
        <source>No investigation record yet.</source>
        <translation>尚无调查记录。</translation>
    </message>
    <message>
        <source>No records yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <source>No session record yet.</source>
        <translation>尚无调解记录。</translation>
    </message>
    <message>
        <source>No wording problem found.</source>
        <translation>未发现用语问题。</translation>
    </message>
    <message>
        <source>Not performed</source>
        <translation>未履行</translation>
    </message>
    <message>
        <source>Not saved. Please correct the marked fields.</source>
        <translation>未保存。请按标红的提示修改。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Nothing is missing: the file is complete.</source>
        <translation>未发现缺失：卷宗材料齐全。</translation>
    </message>
    <message>
        <source>One record per session. A private session needs the request or consent of a party behind it.</source>
        <translation>每次调解制作一份记录。不公开调解须有当事人的要求或同意。</translation>
    </message>
    <message>
        <source>Open deadlines: %1</source>
        <translation>未到的期限：%1</translation>
    </message>
    <message>
        <source>Optional. Each visit or interview is one record, read back and signed.</source>
        <translation>可选。每次走访或询问制作一份记录，经宣读后签名。</translation>
    </message>
    <message>
        <source>Optional. The parties may jointly ask a court to confirm a written agreement within 30 days of it taking effect. Courts do not confirm marriage, adoption or other identity matters.</source>
        <translation>可选。书面调解协议生效之日起30日内，双方当事人可共同向人民法院申请司法确认。涉及婚姻、收养等身份关系的协议，人民法院不予确认。</translation>
    </message>
    <message>
        <source>Oral agreement</source>
        <translation>口头协议</translation>
    </message>
    <message>
        <source>Other route</source>
        <translation>其他途径</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>参加人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Overdue by %1 days</source>
        <translation>已逾期%1天</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>履行</translation>
    </message>
    <message>
        <source>Performance item</source>
        <translation>履行事项</translation>
    </message>
    <message>
        <source>Performance items</source>
        <translation>履行事项</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>Person questioned *</source>
        <translation>被调查人 *</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf)</translation>
    </message>
    <message>
        <source>Place *</source>
        <translation>地点 *</translation>
    </message>
    <message>
        <source>Please choose how long the file is kept.</source>
        <translation>请选择卷宗保管期限</translation>
    </message>
    <message>
        <source>Power of attorney in the file</source>
        <translation>卷内有授权委托书</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Private session</source>
        <translation>不公开调解</translation>
    </message>
    <message>
        <source>Proof (attachment)</source>
        <translation>凭证（附件）</translation>
    </message>
    <message>
        <source>Proofread, the parties and the mediator sign on screen, the head approves and seals: the signed PDF</source>
        <translation>校对后，当事人和调解员在屏幕上签名，负责人审批并盖章，生成已签名的PDF</translation>
    </message>
    <message>
        <source>Public session</source>
        <translation>公开调解</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问</translation>
    </message>
    <message>
        <source>Read back and signed by the parties, mediator and recorder</source>
        <translation>已宣读，当事人、调解员和记录人已签名</translation>
    </message>
    <message>
        <source>Read back and signed by the person questioned and the recorder</source>
        <translation>已向被调查人宣读，被调查人和记录人已签名</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <source>Record each payment or act of performance, with the receipt or transfer as proof.</source>
        <translation>逐笔记录付款或履行情况，并附收条、转账记录等凭证。</translation>
    </message>
    <message>
        <source>Record performance</source>
        <translation>记录履行情况</translation>
    </message>
    <message>
        <source>Record signatures</source>
        <translation>保存签名情况</translation>
    </message>
    <message>
        <source>Record the application</source>
        <translation>登记司法确认申请</translation>
    </message>
    <message>
        <source>Record the ruling</source>
        <translation>登记裁定结果</translation>
    </message>
    <message>
        <source>Recorder *</source>
        <translation>记录人 *</translation>
    </message>
    <message>
        <source>Recorder signed</source>
        <translation>记录人已签名</translation>
    </message>
    <message>
        <source>Recorder, if not the mediator</source>
        <translation>记录人（调解员本人记录的不填）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Refuse the application</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Result *</source>
        <translation>调解结果 *</translation>
    </message>
    <message>
        <source>Retention period *</source>
        <translation>保管期限 *</translation>
    </message>
    <message>
        <source>Rights and duties notice</source>
        <translation>权利义务告知</translation>
    </message>
    <message>
        <source>Risks explained</source>
        <translation>风险告知</translation>
    </message>
    <message>
        <source>Routes explained *</source>
        <translation>已告知的解决途径 *</translation>
    </message>
    <message>
        <source>Ruled on</source>
        <translation>裁定日期</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁定结果</translation>
    </message>
    <message>
        <source>Ruling number</source>
        <translation>裁定书文号</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save acceptance</source>
        <translation>保存受理材料</translation>
    </message>
    <message>
        <source>Save agreement draft</source>
        <translation>保存协议草稿</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <source>Save authorisation</source>
        <translation>保存授权委托</translation>
    </message>
    <message>
        <source>Save follow-up visit</source>
        <translation>保存回访记录</translation>
    </message>
    <message>
        <source>Save investigation record</source>
        <translation>保存调查记录</translation>
    </message>
    <message>
        <source>Save legal hold only</source>
        <translation>仅保存诉讼保留</translation>
    </message>
    <message>
        <source>Save notice</source>
        <translation>保存告知情况</translation>
    </message>
    <message>
        <source>Save session record</source>
        <translation>保存调解记录</translation>
    </message>
    <message>
        <source>Save the statistics facts</source>
        <translation>保存统计情况</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved. Every party has signed the notice: the case is now notified.</source>
        <translation>已保存。全部当事人已签收告知书，案件进入“已告知”阶段。</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>调解方式</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>会谈模式</translation>
    </message>
    <message>
        <source>Session mode (large type for the parties)</source>
        <translation>会谈模式（大字显示给当事人看）</translation>
    </message>
    <message>
        <source>Session time %1</source>
        <translation>会谈用时 %1</translation>
    </message>
    <message>
        <source>Sign on screen and finalise…</source>
        <translation>在屏幕上签名并定稿…</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名盖章</translation>
    </message>
    <message>
        <source>Signed and sealed on</source>
        <translation>签章完成日期</translation>
    </message>
    <message>
        <source>Signed by the visiting mediator</source>
        <translation>回访人已签名</translation>
    </message>
    <message>
        <source>Signed on paper instead? Tick who signed:</source>
        <translation>如果是在纸质协议上签名，请勾选已签名的人：</translation>
    </message>
    <message>
        <source>Signs of escalation</source>
        <translation>矛盾激化迹象</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>跳过此步</translation>
    </message>
    <message>
        <source>Skip “%1”? The step is marked skipped; you can take it up again later.</source>
        <translation>跳过“%1”？此步骤将标为未进行，之后仍可恢复。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <source>Statement of %1</source>
        <translation>%1陈述</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>各步骤情况</translation>
    </message>
    <message>
        <source>Take up this step again</source>
        <translation>恢复此步骤</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Term %1</source>
        <translation>第%1条</translation>
    </message>
    <message>
        <source>Terms agreed</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>The 30-day window ends on %1.</source>
        <translation>申请司法确认的30日期限至%1止。</translation>
    </message>
    <message>
        <source>The agreement lists no performance item.</source>
        <translation>协议没有列出履行事项。</translation>
    </message>
    <message>
        <source>The agreement lists no performance item; nothing can be recorded.</source>
        <translation>协议没有履行事项，无法记录履行情况</translation>
    </message>
    <message>
        <source>The court&apos;s ruling</source>
        <translation>人民法院裁定</translation>
    </message>
    <message>
        <source>The file is complete for its stage.</source>
        <translation>卷宗材料符合当前阶段的要求。</translation>
    </message>
    <message>
        <source>The most urgent %1 are listed; %2 more are not shown.</source>
        <translation>只列出最紧急的%1项，还有%2项未列出。</translation>
    </message>
    <message>
        <source>The rule gives %1. Another grade needs a reason: the subsidy auditor reads it.</source>
        <translation>按规则为“%1”。改为其他等级须写明理由，以案定补审核时会查看。</translation>
    </message>
    <message>
        <source>The signed written application is in the file</source>
        <translation>卷内有当事人签名的书面申请书</translation>
    </message>
    <message>
        <source>This case is archived: it can be read and printed, but no longer changed.</source>
        <translation>本案已归档：可以查看和打印，但不能再修改。</translation>
    </message>
    <message>
        <source>This is a group dispute</source>
        <translation>这是群体性纠纷</translation>
    </message>
    <message>
        <source>This item is now fully performed</source>
        <translation>该事项已全部履行完毕</translation>
    </message>
    <message>
        <source>This step is optional.</source>
        <translation>此步骤为可选步骤。</translation>
    </message>
    <message>
        <source>This step was skipped.</source>
        <translation>此步骤已跳过。</translation>
    </message>
    <message>
        <source>This step: %1</source>
        <translation>本步骤：%1</translation>
    </message>
    <message>
        <source>Tick what the mediation prevented, or answer No.</source>
        <translation>请勾选防止了哪种激化，或选“否”。</translation>
    </message>
    <message>
        <source>Time *</source>
        <translation>时间 *</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Unsaved input from before was restored.</source>
        <translation>已恢复上次未保存的内容。</translation>
    </message>
    <message>
        <source>Visit the parties after the agreement: was it performed, are they satisfied?</source>
        <translation>协议达成后回访当事人：协议是否履行，当事人是否满意？</translation>
    </message>
    <message>
        <source>Visited on *</source>
        <translation>回访日期 *</translation>
    </message>
    <message>
        <source>Visiting mediator *</source>
        <translation>回访人 *</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>履行内容</translation>
    </message>
    <message>
        <source>Who asked for or agreed to privacy</source>
        <translation>不公开调解的依据（哪位当事人要求或同意）</translation>
    </message>
    <message>
        <source>Wording check</source>
        <translation>用语校对结果</translation>
    </message>
    <message>
        <source>Written agreement</source>
        <translation>书面调解协议</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>not yet performed</source>
        <translation>尚未履行</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>performed on %1</source>
        <translation>已于%1履行</translation>
    </message>
    <message>
        <source>private</source>
        <translation>不公开</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>未进行</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待办</translation>
    </message>
</context>
</TS>
