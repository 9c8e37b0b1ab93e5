<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not made yet (it is made when a plan is first printed, exported or sent)</source>
        <translation>chưa tạo (khóa được tạo khi lần đầu in, xuất hoặc gửi một kế hoạch)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản chương trình</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Key fingerprint of this installation</source>
        <translation>Dấu vân tay khóa của máy này</translation>
    </message>
    <message>
        <source>Annual socio-economic development plans of wards, communes and townships.</source>
        <translation>Kế hoạch phát triển kinh tế - xã hội hằng năm của phường, xã, thị trấn.</translation>
    </message>
    <message>
        <source>About WardPlan Desktop</source>
        <translation>Giới thiệu WardPlan Desktop</translation>
    </message>
</context>
<context>
    <name>AddIndicatorDialog</name>
    <message>
        <source>Add a “Trong đó” row under “{name}”</source>
        <extracomment>The clerk asked for the value dialog from an open cell editor: (the indicator&apos;s uid, the column, the words typed so far). Words whose save was refused, by (indicator uid, column), until the cell opens again with them.</extracomment>
        <translation>Thêm dòng “Trong đó” dưới “{name}”</translation>
    </message>
    <message>
        <source>Add an indicator</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <source>&amp;Search the catalogue:</source>
        <translation>Tìm trong &amp;danh mục:</translation>
    </message>
    <message>
        <source>words of the name, with or without accents, or a code</source>
        <translation>từ trong tên chỉ tiêu (có dấu hoặc không dấu), hoặc mã</translation>
    </message>
    <message>
        <source>Every &amp;field</source>
        <translation>Mọi &amp;lĩnh vực</translation>
    </message>
    <message>
        <source>The indicator (pick one above, or write your own):</source>
        <translation>Chỉ tiêu (chọn một chỉ tiêu ở trên, hoặc tự ghi):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị tính:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Chiều đánh giá:</translation>
    </message>
    <message>
        <source>As a “-” sub-row under “{name}”</source>
        <translation>Là dòng con “-” dưới “{name}”</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Mã: {code}</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>Chỉ tiêu tự thêm</translation>
    </message>
    <message>
        <source>Nothing in the catalogue matches; write the indicator below.</source>
        <translation>Không có chỉ tiêu nào trong danh mục phù hợp; hãy ghi chỉ tiêu ở phía dưới.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>WardPlan Desktop</source>
        <translation>WardPlan Desktop</translation>
    </message>
    <message>
        <source>The data folder {folder} is in use by another program (perhaps WardPlan Desktop started by another user or on another computer), which does not answer. WardPlan Desktop cannot start on it now. Close the other program and start again.</source>
        <translation>Thư mục dữ liệu {folder} đang được một chương trình khác sử dụng (có thể là WardPlan Desktop do người dùng khác hoặc máy tính khác mở) và chương trình đó không trả lời. WardPlan Desktop chưa thể khởi động trên thư mục này. Hãy đóng chương trình kia rồi mở lại.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be opened.</source>
        <translation>Không mở được thư mục dữ liệu {folder}.</translation>
    </message>
    <message>
        <source>You can choose another folder for your data, or quit.</source>
        <translation>Có thể chọn một thư mục khác để lưu dữ liệu, hoặc thoát.</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Chọn thư mục khác…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Choose a folder for WardPlan data</source>
        <translation>Chọn thư mục lưu dữ liệu WardPlan</translation>
    </message>
</context>
<context>
    <name>BackupModel</name>
    <message>
        <source>Made</source>
        <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Plans held</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>When the program started</source>
        <translation>Khi mở chương trình</translation>
    </message>
    <message>
        <source>Before receiving files</source>
        <translation>Trước khi nhận tệp</translation>
    </message>
    <message>
        <source>Before upgrading the database</source>
        <translation>Trước khi nâng cấp cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <source>{plans} plans of {units} units</source>
        <translation>{plans} kế hoạch của {units} đơn vị</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Đã bỏ</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã sửa</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>The document has no {part}; it cannot be printed without it.</source>
        <translation>Văn bản chưa có {part}; thiếu thông tin này thì không in được văn bản.</translation>
    </message>
    <message>
        <source>name of the unit</source>
        <translation>tên đơn vị</translation>
    </message>
    <message>
        <source>body the signer signs for (the line after &quot;{authority}&quot;, for example &quot;ỦY BAN NHÂN DÂN&quot; after &quot;TM.&quot; or &quot;CHỦ TỊCH&quot; after &quot;KT.&quot;)</source>
        <translation>tên cơ quan hoặc chức danh được thay mặt, ký thay (dòng sau &quot;{authority}&quot;, ví dụ &quot;ỦY BAN NHÂN DÂN&quot; sau &quot;TM.&quot; hoặc &quot;CHỦ TỊCH&quot; sau &quot;KT.&quot;)</translation>
    </message>
    <message>
        <source>The document has no number yet (&quot;Số: …/{symbol}&quot;). That is usual until it is signed; fill it in before the plan is sent.</source>
        <translation>Văn bản chưa có số (&quot;Số: …/{symbol}&quot;). Điều này là bình thường khi văn bản chưa được ký; hãy điền số trước khi gửi kế hoạch.</translation>
    </message>
    <message>
        <source>The date has no day or month (&quot;ngày … tháng … năm {year}&quot;). That is usual until it is signed; fill it in before the plan is sent.</source>
        <translation>Ngày ban hành còn thiếu ngày hoặc tháng (&quot;ngày … tháng … năm {year}&quot;). Điều này là bình thường khi văn bản chưa được ký; hãy điền đầy đủ trước khi gửi kế hoạch.</translation>
    </message>
    <message>
        <source>The document cites no legal basis (&quot;Căn cứ …&quot;). A plan usually cites the laws and the upper level&apos;s guidance it follows.</source>
        <translation>Văn bản chưa nêu căn cứ nào (&quot;Căn cứ …&quot;). Kế hoạch thường nêu căn cứ là các luật và văn bản hướng dẫn của cấp trên mà kế hoạch thực hiện theo.</translation>
    </message>
    <message>
        <source>Section {label} has no text; it would print empty.</source>
        <translation>Mục {label} chưa có nội dung; khi in sẽ để trống.</translation>
    </message>
    <message>
        <source>A heading or paragraph of the body has no text; it would print as an empty line.</source>
        <translation>Một đề mục hoặc đoạn văn trong phần nội dung chưa có chữ; khi in sẽ thành một dòng trống.</translation>
    </message>
    <message>
        <source>Nothing in the plan is about {field}: it has neither text nor indicators. A plan covers all four fields.</source>
        <translation>Kế hoạch chưa có nội dung nào về lĩnh vực {field}: không có cả phần viết lẫn chỉ tiêu. Một kế hoạch cần có đủ cả bốn lĩnh vực.</translation>
    </message>
    <message>
        <source>the economy</source>
        <translation>kinh tế</translation>
    </message>
    <message>
        <source>culture and society</source>
        <translation>văn hóa - xã hội</translation>
    </message>
    <message>
        <source>defence and security</source>
        <translation>quốc phòng - an ninh</translation>
    </message>
    <message>
        <source>building the government</source>
        <translation>xây dựng chính quyền</translation>
    </message>
    <message>
        <source>The document has no recipients (&quot;Nơi nhận&quot;). Add at least the upper level and the office&apos;s own copy (&quot;Lưu: VT&quot;).</source>
        <translation>Văn bản chưa có nơi nhận (&quot;Nơi nhận&quot;). Hãy thêm ít nhất cấp trên và bản lưu của cơ quan (&quot;Lưu: VT&quot;).</translation>
    </message>
    <message>
        <source>The recipients do not include the office&apos;s own copy (&quot;Lưu: VT&quot;), which closes the list.</source>
        <translation>Danh sách nơi nhận chưa có bản lưu của cơ quan (&quot;Lưu: VT&quot;), là dòng ghi cuối cùng của danh sách.</translation>
    </message>
    <message>
        <source>The indicator &quot;{indicator}&quot; is assigned by the upper level but has no target for {year}.</source>
        <translation>Chỉ tiêu &quot;{indicator}&quot; do cấp trên giao nhưng chưa có mức kế hoạch năm {year}.</translation>
    </message>
    <message>
        <source>The indicator &quot;{indicator}&quot; has no target for {year}.</source>
        <translation>Chỉ tiêu &quot;{indicator}&quot; chưa có mức kế hoạch năm {year}.</translation>
    </message>
    <message>
        <source>&quot;{indicator}&quot; ({period} {year}) is written &quot;{text}&quot;, and &quot;{number}&quot; can be read two ways: {integer} (with a thousands separator) or {integer_part} point {fraction_part} (with a decimal separator). Write it the Vietnamese way: &quot;.&quot; between thousands, &quot;,&quot; before decimals.</source>
        <translation>&quot;{indicator}&quot; ({period} {year}) được ghi là &quot;{text}&quot;, trong đó &quot;{number}&quot; có thể hiểu theo hai cách: {integer} (dấu phân cách hàng nghìn) hoặc {integer_part} phẩy {fraction_part} (dấu thập phân). Hãy ghi theo cách viết của Việt Nam: dấu &quot;.&quot; giữa các hàng nghìn, dấu &quot;,&quot; trước phần thập phân.</translation>
    </message>
    <message>
        <source>&quot;{indicator}&quot; ({period} {year}) is written &quot;{text}&quot; and taken to mean {meaning}, but a reader of a Vietnamese document reads it as {printed} (&quot;.&quot; between thousands, &quot;,&quot; before decimals). Write it &quot;{suggestion}&quot;.</source>
        <translation>&quot;{indicator}&quot; ({period} {year}) được ghi là &quot;{text}&quot; và được hiểu là {meaning}, nhưng người đọc văn bản tiếng Việt sẽ hiểu là {printed} (dấu &quot;.&quot; giữa các hàng nghìn, dấu &quot;,&quot; trước phần thập phân). Hãy ghi là &quot;{suggestion}&quot;.</translation>
    </message>
    <message>
        <source>&quot;{indicator}&quot; ({period} {year}) is written &quot;{text}&quot;, which the program cannot read as a value: {reason}. It prints as written, but it cannot be compared with results or added up.</source>
        <translation>&quot;{indicator}&quot; ({period} {year}) được ghi là &quot;{text}&quot;, chương trình không đọc được thành giá trị: {reason}. Khi in vẫn giữ nguyên như đã ghi, nhưng không so sánh được với kết quả thực hiện và không cộng vào tổng được.</translation>
    </message>
    <message>
        <source>&quot;{number}&quot; is not a number written in a usual way</source>
        <translation>&quot;{number}&quot; không phải là số được viết theo cách thông thường</translation>
    </message>
    <message>
        <source>it holds several figures ({numbers}) and the program cannot tell which one is the value</source>
        <translation>giá trị có nhiều con số ({numbers}) và chương trình không xác định được số nào là giá trị</translation>
    </message>
    <message>
        <source>the words around the figure are not a form the program knows (a number, a range such as &quot;14,5 - 16,5%&quot;, &quot;90% trở lên&quot;, &quot;dưới 0,15%&quot;, a part of a whole such as &quot;5/5 khóm&quot;, or &quot;giảm 03 hộ so với năm 2023&quot;)</source>
        <translation>phần chữ quanh con số không thuộc dạng nào chương trình nhận biết được (một số, một khoảng như &quot;14,5 - 16,5%&quot;, &quot;90% trở lên&quot;, &quot;dưới 0,15%&quot;, một phần trên tổng số như &quot;5/5 khóm&quot;, hoặc &quot;giảm 03 hộ so với năm 2023&quot;)</translation>
    </message>
    <message>
        <source>it was kept as words to be corrected</source>
        <translation>giá trị đang được giữ ở dạng chữ để chờ sửa lại</translation>
    </message>
    <message>
        <source>The shares of &quot;{indicator}&quot; ({period} {year}) add up to {total}%, not 100%.</source>
        <translation>Các tỷ trọng của &quot;{indicator}&quot; ({period} {year}) cộng lại được {total}%, không phải 100%.</translation>
    </message>
    <message>
        <source>The shares of &quot;{indicator}&quot; ({period} {year}) add up to between {low}% and {high}%, which cannot make 100%.</source>
        <translation>Các tỷ trọng của &quot;{indicator}&quot; ({period} {year}) cộng lại trong khoảng từ {low}% đến {high}%, không thể bằng 100%.</translation>
    </message>
    <message>
        <source>The {year} target of &quot;{indicator}&quot; (&quot;{target}&quot;) is below the {period} for {previous_year} (&quot;{result}&quot;). Higher is better for this indicator: is the target really meant to go down?</source>
        <translation>Mức kế hoạch năm {year} của &quot;{indicator}&quot; (&quot;{target}&quot;) thấp hơn {period} {previous_year} (&quot;{result}&quot;). Chỉ tiêu này càng cao càng tốt: có thật sự muốn đặt kế hoạch giảm xuống không?</translation>
    </message>
    <message>
        <source>The {year} target of &quot;{indicator}&quot; (&quot;{target}&quot;) is above the {period} for {previous_year} (&quot;{result}&quot;). Lower is better for this indicator: is the target really meant to go up?</source>
        <translation>Mức kế hoạch năm {year} của &quot;{indicator}&quot; (&quot;{target}&quot;) cao hơn {period} {previous_year} (&quot;{result}&quot;). Chỉ tiêu này càng thấp càng tốt: có thật sự muốn đặt kế hoạch tăng lên không?</translation>
    </message>
    <message>
        <source>{integer} point {fraction}</source>
        <translation>{integer} phẩy {fraction}</translation>
    </message>
    <message>
        <source>target</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>6-month result</source>
        <translation>thực hiện 6 tháng</translation>
    </message>
    <message>
        <source>9-month result</source>
        <translation>thực hiện 9 tháng</translation>
    </message>
    <message>
        <source>estimate for the year</source>
        <translation>ước thực hiện cả năm</translation>
    </message>
    <message>
        <source>result for the year</source>
        <translation>thực hiện cả năm</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Lưu ý</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>No problems found.</source>
        <translation>Không phát hiện vấn đề nào.</translation>
    </message>
    <message>
        <source>{errors} to fix, {warnings} to check.</source>
        <translation>{errors} lỗi cần sửa, {warnings} lưu ý cần xem lại.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Work with the plans held by WardPlan Desktop.</source>
        <translation>Làm việc với các kế hoạch lưu trong WardPlan Desktop.</translation>
    </message>
    <message>
        <source>data folder (default: the user&apos;s data folder)</source>
        <translation>thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)</translation>
    </message>
    <message>
        <source>language of messages (default: vi)</source>
        <translation>ngôn ngữ của thông báo (mặc định: vi)</translation>
    </message>
    <message>
        <source>add a plan from a plan file, or replace the same unit, year and kind</source>
        <translation>thêm kế hoạch từ tệp kế hoạch, hoặc thay thế kế hoạch cùng đơn vị, năm và loại</translation>
    </message>
    <message>
        <source>replace the stored plan even with an older revision</source>
        <translation>thay thế kế hoạch đang lưu kể cả bằng lần sửa cũ hơn</translation>
    </message>
    <message>
        <source>list the plans held</source>
        <translation>liệt kê các kế hoạch đang lưu</translation>
    </message>
    <message>
        <source>print a JSON array</source>
        <translation>in ra một mảng JSON</translation>
    </message>
    <message>
        <source>write a plan to a file</source>
        <translation>ghi kế hoạch ra tệp</translation>
    </message>
    <message>
        <source>pdf, docx, xlsx: the document itself, its appendices, or both (default)</source>
        <translation>pdf, docx, xlsx: chỉ văn bản, chỉ các phụ lục, hoặc cả hai (mặc định)</translation>
    </message>
    <message>
        <source>draft the council resolution or the emulation plan from the year&apos;s plan</source>
        <translation>soạn dự thảo nghị quyết HĐND hoặc kế hoạch thi đua từ kế hoạch của năm</translation>
    </message>
    <message>
        <source>signed files between a ward and its upper level</source>
        <translation>tệp có chữ ký trao đổi giữa phường và cấp trên</translation>
    </message>
    <message>
        <source>write the signed sync file of a plan</source>
        <translation>ghi tệp đồng bộ có chữ ký của một kế hoạch</translation>
    </message>
    <message>
        <source>receive sync files (files or folders of them)</source>
        <translation>nhận tệp đồng bộ (tệp hoặc thư mục chứa tệp)</translation>
    </message>
    <message>
        <source>only say what would change</source>
        <translation>chỉ cho biết những gì sẽ thay đổi</translation>
    </message>
    <message>
        <source>accept units not registered yet, pinning their keys</source>
        <translation>chấp nhận đơn vị chưa đăng ký và ghi nhận khóa của đơn vị</translation>
    </message>
    <message>
        <source>accept a new signing key for this unit (audited)</source>
        <translation>chấp nhận khóa ký mới của đơn vị này (có ghi nhật ký)</translation>
    </message>
    <message>
        <source>upper level: write the template of required indicators for a year</source>
        <translation>cấp trên: ghi tệp mẫu các chỉ tiêu yêu cầu của một năm</translation>
    </message>
    <message>
        <source>show this installation&apos;s key fingerprint</source>
        <translation>hiển thị dấu vân tay khóa của máy này</translation>
    </message>
    <message>
        <source>upper level: what changed between two revisions a unit sent (by default its last two)</source>
        <translation>cấp trên: những gì thay đổi giữa hai lần sửa mà một đơn vị đã gửi (mặc định là hai lần sửa gần nhất)</translation>
    </message>
    <message>
        <source>start next year&apos;s plan from this year&apos;s</source>
        <translation>tạo kế hoạch năm sau từ kế hoạch năm nay</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>council resolution</source>
        <translation>nghị quyết HĐND</translation>
    </message>
    <message>
        <source>emulation plan</source>
        <translation>kế hoạch thi đua</translation>
    </message>
    <message>
        <source>Imported the {kind} of {unit} for {year} (revision {revision}).</source>
        <translation>Đã nhập {kind} của {unit} năm {year} (lần sửa {revision}).</translation>
    </message>
    <message>
        <source>No plans yet.</source>
        <translation>Chưa có kế hoạch nào.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>Đã ghi {path}.</translation>
    </message>
    <message>
        <source>Drafted the {kind} of {unit} for {year}; fill in what is marked … before printing.</source>
        <translation>Đã soạn dự thảo {kind} của {unit} năm {year}; hãy điền các chỗ đánh dấu … trước khi in.</translation>
    </message>
    <message>
        <source>Created the {kind} of {unit} for {year} from {from_year}.</source>
        <translation>Đã tạo {kind} của {unit} năm {year} từ năm {from_year}.</translation>
    </message>
    <message>
        <source>The output file must end in .xlsx (an Excel workbook) or .pdf (a PDF table); {path} does not.</source>
        <translation>Tệp xuất ra phải có đuôi .xlsx (bảng tính Excel) hoặc .pdf (bảng PDF); tệp {path} không có đuôi như vậy.</translation>
    </message>
    <message>
        <source>No units registered here yet.</source>
        <translation>Chưa có đơn vị nào được đăng ký tại đây.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>--own-code, --own-name and --own-level go together: give all three or none.</source>
        <translation>--own-code, --own-name và --own-level phải dùng cùng nhau: hãy dùng cả ba tùy chọn hoặc không dùng tùy chọn nào.</translation>
    </message>
    <message>
        <source>Units registered from {path}: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Đăng ký đơn vị từ {path}: thêm mới {added}, cập nhật {updated}, giữ nguyên {unchanged}.</translation>
    </message>
    <message>
        <source>{count} units registered here are not in the list; they were kept: {codes}.</source>
        <translation>{count} đơn vị đã đăng ký tại đây không có trong danh sách; các đơn vị này vẫn được giữ lại: {codes}.</translation>
    </message>
    <message>
        <source>Only revision {revision} of {code}&apos;s plan for {year} has been received: there is nothing to compare it with.</source>
        <translation>Mới nhận được lần sửa {revision} của kế hoạch năm {year} của {code}: chưa có lần sửa nào khác để so sánh.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Đã bỏ</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>before:</source>
        <translation>trước:</translation>
    </message>
    <message>
        <source>after:</source>
        <translation>sau:</translation>
    </message>
    <message>
        <source>Wrote {path}: key {key}, content {hash}{encrypted}.</source>
        <translation>Đã ghi {path}: khóa {key}, mã nội dung {hash}{encrypted}.</translation>
    </message>
    <message>
        <source>, encrypted for the upper level</source>
        <translation>, đã mã hóa cho cấp trên</translation>
    </message>
    <message>
        <source>No unit has sent a plan here yet.</source>
        <translation>Chưa có đơn vị nào gửi kế hoạch.</translation>
    </message>
    <message>
        <source>received</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <source>late</source>
        <translation>gửi muộn</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <source>Year {year}</source>
        <translation>Năm {year}</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Template of {year} applied to {unit}: {added} indicators added, {updated} updated; deadline {deadline}.</source>
        <translation>Đã áp dụng mẫu năm {year} cho {unit}: thêm {added} chỉ tiêu, cập nhật {updated} chỉ tiêu; hạn nộp {deadline}.</translation>
    </message>
    <message>
        <source>This data folder would become the upper level {name} ({code}).</source>
        <translation>Thư mục dữ liệu này sẽ trở thành của cấp trên {name} ({code}).</translation>
    </message>
    <message>
        <source>This data folder is now the upper level {name} ({code}).</source>
        <translation>Thư mục dữ liệu này nay là của cấp trên {name} ({code}).</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>phường</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <source>township</source>
        <translation>thị trấn</translation>
    </message>
    <message>
        <source>special zone</source>
        <translation>đặc khu</translation>
    </message>
    <message>
        <source>district</source>
        <translation>quận/huyện/thị xã</translation>
    </message>
    <message>
        <source>city</source>
        <translation>thành phố</translation>
    </message>
    <message>
        <source>province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>upper level: which units have sent their plan for a year (by default the latest year any has sent)</source>
        <translation>cấp trên: những đơn vị đã gửi kế hoạch của một năm (mặc định là năm gần nhất có đơn vị gửi)</translation>
    </message>
    <message>
        <source>upper level: every unit&apos;s values side by side, as an Excel workbook (.xlsx) or a PDF table (.pdf)</source>
        <translation>cấp trên: số liệu của tất cả các đơn vị đặt cạnh nhau, dưới dạng bảng tính Excel (.xlsx) hoặc bảng PDF (.pdf)</translation>
    </message>
    <message>
        <source>upper level: the units it receives plans from</source>
        <translation>cấp trên: các đơn vị gửi kế hoạch lên</translation>
    </message>
    <message>
        <source>register the units of a list (CSV or Excel: code, name, level)</source>
        <translation>đăng ký các đơn vị trong một danh sách (CSV hoặc Excel: mã, tên, cấp)</translation>
    </message>
    <message>
        <source>this office&apos;s code, to set up a new data folder as an upper level</source>
        <translation>mã của cơ quan này, để thiết lập thư mục dữ liệu mới làm thư mục của cấp trên</translation>
    </message>
    <message>
        <source>this office&apos;s name</source>
        <translation>tên của cơ quan này</translation>
    </message>
    <message>
        <source>this office&apos;s level: tỉnh, thành phố, quận, huyện or thị xã</source>
        <translation>cấp của cơ quan này: tỉnh, thành phố, quận, huyện hoặc thị xã</translation>
    </message>
    <message>
        <source>list the units registered here</source>
        <translation>liệt kê các đơn vị đã đăng ký tại đây</translation>
    </message>
    <message>
        <source>Revision {revision} is the first of {code}&apos;s plan for {year} received here: name the one to compare it with (--from).</source>
        <translation>Lần sửa {revision} là lần sửa đầu tiên của kế hoạch năm {year} của {code} đã nhận: hãy nêu lần sửa cần so sánh với nó (--from).</translation>
    </message>
    <message>
        <source>Changes from revision {old} to revision {new} of {code}&apos;s plan for {year}: {count}.</source>
        <translation>Từ lần sửa {old} đến lần sửa {new} của kế hoạch năm {year} của {code} có {count} thay đổi.</translation>
    </message>
    <message>
        <source>Would import</source>
        <translation>Sẽ nhập</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>{verb}: {name} ({code}), {year}, revision {revision}{was}.</source>
        <translation>{verb}: {name} ({code}), năm {year}, lần sửa {revision}{was}.</translation>
    </message>
    <message>
        <source> (was {previous})</source>
        <translation> (trước đó {previous})</translation>
    </message>
    <message>
        <source>Warning: {code} now signs with a new key; the change is recorded.</source>
        <translation>Cảnh báo: {code} nay ký bằng khóa mới; việc thay đổi đã được ghi nhật ký.</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <source>Code</source>
        <extracomment>The column titles, in the user&apos;s language (each subclass defines it). The words of one cell (each subclass defines it).</extracomment>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <source>Made by the unit</source>
        <translation>Đơn vị lập lúc</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Khóa ký</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Số tệp</translation>
    </message>
</context>
<context>
    <name>Consolidation</name>
    <message>
        <source>Received</source>
        <extracomment>Up to this many units, Qt sizes the values&apos; columns itself (see _size_value_columns).</extracomment>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Gửi muộn</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Kinh tế</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Văn hóa - xã hội</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Quốc phòng - an ninh</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Xây dựng chính quyền</translation>
    </message>
</context>
<context>
    <name>ConsolidationWindow</name>
    <message>
        <source>Consolidation</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Số liệu:</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Xuất &amp;Excel…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <source>Who has sent</source>
        <translation>Tình hình gửi</translation>
    </message>
    <message>
        <source>Values side by side</source>
        <translation>Số liệu các đơn vị</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Changes between revisions</source>
        <translation>Thay đổi giữa các lần sửa</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Chỉ tiêu:</translation>
    </message>
    <message>
        <source>&amp;Save as image…</source>
        <translation>&amp;Lưu thành ảnh…</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;From revision:</source>
        <translation>&amp;Từ lần sửa:</translation>
    </message>
    <message>
        <source>&amp;To revision:</source>
        <translation>Đế&amp;n lần sửa:</translation>
    </message>
    <message>
        <source>Reading the units&apos; files…</source>
        <translation>Đang đọc tệp của các đơn vị…</translation>
    </message>
    <message>
        <source>Units: {total}; received on time: {received}, late: {late}, missing: {missing}.</source>
        <translation>{total} đơn vị: {received} đã gửi đúng hạn, {late} gửi muộn, {missing} chưa gửi.</translation>
    </message>
    <message>
        <source>Deadline: {date}.</source>
        <translation>Hạn gửi: {date}.</translation>
    </message>
    <message>
        <source>Not a single number in the same unit, so not drawn: {list}</source>
        <translation>Không phải một con số cùng đơn vị tính nên không vẽ: {list}</translation>
    </message>
    <message>
        <source>No value: {list}</source>
        <translation>Không có số liệu: {list}</translation>
    </message>
    <message>
        <source>{revision} (made {made})</source>
        <translation>{revision} (lập lúc {made})</translation>
    </message>
    <message>
        <source>No unit has sent a file yet.</source>
        <translation>Chưa đơn vị nào gửi tệp.</translation>
    </message>
    <message>
        <source>Only one revision received: nothing to compare yet.</source>
        <translation>Chỉ mới nhận một bản: chưa có gì để so sánh.</translation>
    </message>
    <message>
        <source>Changes from revision {old} to {new}: {count}.</source>
        <translation>Từ lần sửa {old} đến lần sửa {new} có {count} thay đổi.</translation>
    </message>
    <message>
        <source>{code} has sent nothing for this year yet.</source>
        <translation>{code} chưa gửi kế hoạch năm này.</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Lưu biểu đồ</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Đã ghi {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Đang ghi {path}…</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>WardPlan Desktop: unexpected error</source>
        <translation>WardPlan Desktop: lỗi không mong đợi</translation>
    </message>
    <message>
        <source>The program met an unexpected error.</source>
        <translation>Chương trình gặp một lỗi không mong đợi.</translation>
    </message>
    <message>
        <source>Your changes are saved one at a time as you make them: everything before the action that failed is stored safely. That last action may not have been saved; check it if you continue.

The details were written to the log file:
{path}

Please send this file to whoever supports the program.</source>
        <translation>Mọi thay đổi được lưu ngay khi thực hiện: tất cả những gì trước thao tác bị lỗi đều đã được lưu an toàn. Riêng thao tác cuối cùng có thể chưa được lưu; nếu tiếp tục, hãy kiểm tra lại.

Chi tiết lỗi đã được ghi vào tệp nhật ký:
{path}

Vui lòng gửi tệp này cho người hỗ trợ chương trình.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The operation was refused.</source>
        <translation>Thao tác bị từ chối.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; can be read two ways: {integer} (with a thousands separator) or {integer_part} point {fraction_part} (with a decimal separator). Write it again without the thousands separator, or say which was meant.</source>
        <translation>&quot;{text}&quot; có thể hiểu theo hai cách: {integer} (dấu phân cách hàng nghìn) hoặc {integer_part} phẩy {fraction_part} (dấu thập phân). Hãy nhập lại không có dấu phân cách hàng nghìn, hoặc cho biết ý muốn nói số nào.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a value the program can read.</source>
        <translation>Chương trình không đọc được giá trị &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>Nothing was found.</source>
        <translation>Không tìm thấy.</translation>
    </message>
    <message>
        <source>The file {path} is not a valid plan file: it is not JSON (the error is at line {line}, column {column}).</source>
        <translation>Tệp {path} không phải tệp kế hoạch hợp lệ: nội dung không phải JSON (lỗi ở dòng {line}, cột {column}).</translation>
    </message>
    <message>
        <source>The file {path} is not a WardPlan plan file (it has no &quot;format&quot;: &quot;{format}&quot;).</source>
        <translation>Tệp {path} không phải tệp kế hoạch WardPlan (không có &quot;format&quot;: &quot;{format}&quot;).</translation>
    </message>
    <message>
        <source>The file {path} was written in plan file format {found}, newer than this program understands ({supported}). Update WardPlan Desktop to read it.</source>
        <translation>Tệp {path} được ghi theo định dạng tệp kế hoạch phiên bản {found}, mới hơn phiên bản chương trình này đọc được ({supported}). Hãy cập nhật WardPlan Desktop để đọc tệp.</translation>
    </message>
    <message>
        <source>The file {path} is not a valid plan file: it is not text in UTF-8 encoding.</source>
        <translation>Tệp {path} không phải tệp kế hoạch hợp lệ: nội dung không phải văn bản mã UTF-8.</translation>
    </message>
    <message>
        <source>The file {path} is not a valid plan file: at {where}, {detail}.</source>
        <translation>Tệp {path} không phải tệp kế hoạch hợp lệ: tại {where}, {detail}.</translation>
    </message>
    <message>
        <source>The file {path} cannot be imported: indicator &quot;{indicator}&quot;, {period} {year}: {detail}</source>
        <translation>Không nhập được tệp {path}: chỉ tiêu &quot;{indicator}&quot;, {period} {year}: {detail}</translation>
    </message>
    <message>
        <source>The file {path} cannot be imported: {detail}.</source>
        <translation>Không nhập được tệp {path}: {detail}.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {detail}.</source>
        <translation>Không đọc được tệp {path}: {detail}.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written: {detail}.</source>
        <translation>Không ghi được tệp {path}: {detail}.</translation>
    </message>
    <message>
        <source>There is no {kind} plan of unit {unit} for the year {year}.</source>
        <translation>Đơn vị {unit} không có văn bản loại {kind} cho năm {year}.</translation>
    </message>
    <message>
        <source>There is no unit with the code {unit}.</source>
        <translation>Không có đơn vị nào mang mã {unit}.</translation>
    </message>
    <message>
        <source>The file {path} holds revision {revision} of the plan, older than revision {held} already stored; nothing was changed. Import it with --force only to go back to that revision.</source>
        <translation>Tệp {path} chứa lần sửa {revision} của kế hoạch, cũ hơn lần sửa {held} đang lưu; không có gì thay đổi. Chỉ nhập với --force nếu muốn quay lại lần sửa đó.</translation>
    </message>
    <message>
        <source>Unit {unit} already has a {kind} plan for the year {year}; it was not overwritten.</source>
        <translation>Đơn vị {unit} đã có văn bản loại {kind} cho năm {year}; văn bản đó không bị ghi đè.</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of WardPlan Desktop (schema {found}; this version knows up to {supported}). Update the program; the database was not changed.</source>
        <translation>Cơ sở dữ liệu {path} do phiên bản WardPlan Desktop mới hơn ghi (lược đồ {found}; phiên bản này chỉ biết đến {supported}). Hãy cập nhật chương trình; cơ sở dữ liệu không bị thay đổi.</translation>
    </message>
    <message>
        <source>The file {path} is not a WardPlan Desktop database; it was not changed.</source>
        <translation>Tệp {path} không phải cơ sở dữ liệu của WardPlan Desktop; tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}). Restore it from a backup; it was not changed.</source>
        <translation>Cơ sở dữ liệu {path} bị hỏng ({detail}). Hãy khôi phục từ bản sao lưu; dữ liệu không bị thay đổi.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written (read-only or no permission). Choose another data folder; nothing was changed.</source>
        <translation>Không ghi được vào thư mục dữ liệu {path} (chỉ đọc hoặc không có quyền). Hãy chọn thư mục dữ liệu khác; chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space and try again; nothing was changed.</source>
        <translation>Ổ đĩa chứa {path} đã đầy. Hãy giải phóng dung lượng rồi thử lại; chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close it and try again; nothing was changed.</source>
        <translation>Cơ sở dữ liệu {path} đang được chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại; chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The database {path} could not be used: {detail}. Nothing was changed.</source>
        <translation>Không dùng được cơ sở dữ liệu {path}: {detail}. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>the folder or file does not exist</source>
        <extracomment>Storage refusals whose reason may pass while the program runs (space freed, the folder made writable again, the other program closed): the same edit may then succeed. A damaged, newer or foreign database does not get better by waiting.</extracomment>
        <translation>thư mục hoặc tệp không tồn tại</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>không có quyền</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>ổ đĩa chỉ cho phép đọc</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>đó là một thư mục</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>một phần của đường dẫn không phải thư mục</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>đã dùng hết hạn mức dung lượng</translation>
    </message>
    <message>
        <source>the text cites footnote [^{key}] but the file has no footnote {key}</source>
        <translation>văn bản dẫn chú thích [^{key}] nhưng tệp không có chú thích {key}</translation>
    </message>
    <message>
        <source>footnote {key} is never cited in the text, or cited more than once</source>
        <translation>chú thích {key} không được dẫn trong văn bản, hoặc được dẫn nhiều lần</translation>
    </message>
    <message>
        <source>the identifier {uid} is used twice</source>
        <translation>mã định danh {uid} bị dùng hai lần</translation>
    </message>
    <message>
        <source>The file {path} is not a valid plan file: it is nested too deeply or holds a number too long to be real.</source>
        <translation>Tệp {path} không phải tệp kế hoạch hợp lệ: cấu trúc lồng nhau quá sâu hoặc có con số dài bất thường.</translation>
    </message>
    <message>
        <source>it is not an ordinary file</source>
        <translation>đó không phải là một tệp thông thường</translation>
    </message>
    <message>
        <source>two footnotes have the key {key}</source>
        <translation>có hai chú thích cùng khóa {key}</translation>
    </message>
    <message>
        <source>it is a copy of another plan already stored (the identifier {uid} is taken); start next year&apos;s plan with rollover instead of copying a file</source>
        <translation>tệp là bản sao của một kế hoạch khác đã lưu (mã định danh {uid} đã được dùng); hãy tạo kế hoạch năm sau bằng chức năng chuyển năm thay vì sao chép tệp</translation>
    </message>
    <message>
        <source>indicator &quot;{indicator}&quot; has two values for {period} {year}</source>
        <translation>chỉ tiêu &quot;{indicator}&quot; có hai giá trị cho {period} {year}</translation>
    </message>
    <message>
        <source>the meaning given for &quot;{text}&quot; is not what the words say</source>
        <translation>giá trị ghi kèm &quot;{text}&quot; không khớp với chữ đã viết</translation>
    </message>
    <message>
        <source>the meaning given for &quot;{text}&quot; lacks {missing}</source>
        <translation>giá trị ghi kèm &quot;{text}&quot; thiếu {missing}</translation>
    </message>
    <message>
        <source>The copy of revision {revision} of {code}&apos;s plan for {year} kept in this data folder is damaged, so it cannot be shown. Restore the data folder from a backup.</source>
        <translation>Bản lưu lần sửa {revision} của kế hoạch năm {year} của {code} trong thư mục dữ liệu này đã bị hỏng nên không hiển thị được. Hãy khôi phục thư mục dữ liệu từ bản sao lưu.</translation>
    </message>
    <message>
        <source>An Excel file holds the appendices only; choose the appendices or a PDF or Word file for the document itself.</source>
        <translation>Tệp Excel chỉ chứa các phụ lục; hãy chọn phụ lục, hoặc chọn tệp PDF hay Word cho bản thân văn bản.</translation>
    </message>
    <message>
        <source>This document has no appendices to print.</source>
        <translation>Văn bản này không có phụ lục để in.</translation>
    </message>
    <message>
        <source>The document cannot be printed yet: it has no {missing}. Fill it in and try again.</source>
        <translation>Chưa in được văn bản: còn thiếu {missing}. Hãy điền vào rồi thử lại.</translation>
    </message>
    <message>
        <source>title (trích yếu)</source>
        <translation>trích yếu</translation>
    </message>
    <message>
        <source>issuing body</source>
        <translation>tên cơ quan ban hành</translation>
    </message>
    <message>
        <source>document symbol (e.g. KH-UBND)</source>
        <translation>ký hiệu văn bản (ví dụ KH-UBND)</translation>
    </message>
    <message>
        <source>place name for the date line</source>
        <translation>địa danh ghi ở dòng ngày tháng</translation>
    </message>
    <message>
        <source>signer&apos;s position</source>
        <translation>chức vụ người ký</translation>
    </message>
    <message>
        <source>signer&apos;s name</source>
        <translation>tên người ký</translation>
    </message>
    <message>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>Unit {unit} has no upper level to send to. Enter the upper level in the unit&apos;s details first.</source>
        <translation>Đơn vị {unit} chưa có cấp trên để gửi. Hãy nhập cấp trên trong thông tin đơn vị trước.</translation>
    </message>
    <message>
        <source>The file {path} is a template from an upper level, not a ward&apos;s plan; open it in the ward&apos;s data folder.</source>
        <translation>Tệp {path} là tệp mẫu của cấp trên, không phải kế hoạch của phường; hãy mở tệp này trong thư mục dữ liệu của phường.</translation>
    </message>
    <message>
        <source>This data folder belongs to ward {own}; plans sent up by wards are received in the upper level&apos;s data folder.</source>
        <translation>Thư mục dữ liệu này thuộc phường {own}; kế hoạch các phường gửi lên được nhận ở thư mục dữ liệu của cấp trên.</translation>
    </message>
    <message>
        <source>The file {path} is addressed to {receiver}, not to this office ({own}).</source>
        <translation>Tệp {path} được gửi cho {receiver}, không phải cho cơ quan này ({own}).</translation>
    </message>
    <message>
        <source>The file {path} is inconsistent: its description and the plan inside differ ({detail}). Ask the sender to export it again.</source>
        <translation>Tệp {path} không nhất quán: phần mô tả và kế hoạch bên trong khác nhau ({detail}). Hãy đề nghị nơi gửi xuất lại tệp.</translation>
    </message>
    <message>
        <source>This office ({own}) cannot send the plan of {unit} as its own: only {unit} sends its plan, signed with its key. Pass on the file {unit} sent, or ask {unit} to send it.</source>
        <translation>Cơ quan này ({own}) không thể gửi kế hoạch của {unit} như kế hoạch của chính mình: chỉ {unit} gửi kế hoạch của mình, ký bằng khóa của {unit}. Hãy chuyển đúng tệp {unit} đã gửi, hoặc đề nghị {unit} gửi.</translation>
    </message>
    <message>
        <source>The file {path} comes from {unit} ({code}), which is not registered here. Register the unit, or accept it explicitly.</source>
        <translation>Tệp {path} đến từ {unit} ({code}), đơn vị chưa được đăng ký tại đây. Hãy đăng ký đơn vị, hoặc xác nhận chấp nhận đơn vị này.</translation>
    </message>
    <message>
        <source>The file {path} from {code} is signed with key {found}, but this office knows {code} by key {pinned}. It may not come from {code}. If {code} really changed computers, an officer must confirm the new key explicitly.</source>
        <translation>Tệp {path} của {code} được ký bằng khóa {found}, nhưng cơ quan này ghi nhận {code} với khóa {pinned}. Tệp có thể không phải do {code} gửi. Nếu {code} thực sự đã đổi máy tính, cán bộ phải xác nhận khóa mới.</translation>
    </message>
    <message>
        <source>The file {path} holds revision {revision} of {code}&apos;s plan for {year}, older than revision {held} already received; nothing was changed.</source>
        <translation>Tệp {path} chứa lần sửa {revision} của kế hoạch năm {year} của {code}, cũ hơn lần sửa {held} đã nhận; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The file {path} holds revision {revision} of {code}&apos;s plan for {year} with content different from the revision {revision} already received. Ask {code} to export the plan again.</source>
        <translation>Tệp {path} chứa lần sửa {revision} của kế hoạch năm {year} của {code} nhưng nội dung khác với lần sửa {revision} đã nhận. Hãy đề nghị {code} xuất lại kế hoạch.</translation>
    </message>
    <message>
        <source>Already received: revision {revision} of {code}&apos;s plan for {year}; nothing changed.</source>
        <translation>Đã nhận trước đó: lần sửa {revision} của kế hoạch năm {year} của {code}; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The file {path} is empty.</source>
        <extracomment>What zipfile raises on a damaged or foreign archive. RuntimeError covers its &quot;needs a password&quot; and its unsupported versions and compression methods.</extracomment>
        <translation>Tệp {path} rỗng.</translation>
    </message>
    <message>
        <source>The file {path} is too large to be a WardPlan sync file.</source>
        <translation>Tệp {path} quá lớn, không thể là tệp đồng bộ WardPlan.</translation>
    </message>
    <message>
        <source>The file {path} is not a WardPlan sync file. Check that the right file was attached.</source>
        <translation>Tệp {path} không phải tệp đồng bộ WardPlan. Hãy kiểm tra đã đính kèm đúng tệp chưa.</translation>
    </message>
    <message>
        <source>The file {path} is damaged: it was cut short or changed on the way. Ask the sender to send it again.</source>
        <translation>Tệp {path} bị hỏng: bị cắt ngắn hoặc bị thay đổi trên đường gửi. Hãy đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <source>The file {path} is not a valid WardPlan sync file: {detail}.</source>
        <translation>Tệp {path} không phải tệp đồng bộ WardPlan hợp lệ: {detail}.</translation>
    </message>
    <message>
        <source>The file {path} was made by a newer version of WardPlan Desktop (sync format {found}; this version reads up to {supported}). Update the program to read it.</source>
        <translation>Tệp {path} do phiên bản WardPlan Desktop mới hơn tạo ra (định dạng đồng bộ {found}; phiên bản này đọc được đến {supported}). Hãy cập nhật chương trình để đọc tệp.</translation>
    </message>
    <message>
        <source>The signature of {path} does not match its content: the file was changed after it was signed, or it is damaged. Ask the sender to send it again.</source>
        <translation>Chữ ký của tệp {path} không khớp với nội dung: tệp đã bị sửa sau khi ký, hoặc bị hỏng. Hãy đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <source>The plan inside {path} is not the one that was signed: it was changed after signing. Ask the sender to send it again.</source>
        <translation>Kế hoạch trong tệp {path} không phải bản đã được ký: đã bị sửa sau khi ký. Hãy đề nghị nơi gửi gửi lại.</translation>
    </message>
    <message>
        <source>The file {path} is encrypted for another office (key {fingerprint}); it cannot be opened here.</source>
        <translation>Tệp {path} được mã hóa cho cơ quan khác (khóa {fingerprint}); không mở được tại đây.</translation>
    </message>
    <message>
        <source>it holds {found} instead of {expected}</source>
        <translation>tệp chứa {found} thay vì {expected}</translation>
    </message>
    <message>
        <source>it holds a file with an unsafe name ({name})</source>
        <translation>tệp chứa thành phần có tên không an toàn ({name})</translation>
    </message>
    <message>
        <source>a part of it expands far beyond a plan&apos;s size</source>
        <translation>một thành phần khi giải nén lớn vượt xa cỡ một kế hoạch</translation>
    </message>
    <message>
        <source>its description is unreadable ({detail})</source>
        <translation>không đọc được phần mô tả ({detail})</translation>
    </message>
    <message>
        <source>Only an upper level&apos;s data folder makes templates; this one is not set up as an upper level.</source>
        <translation>Chỉ thư mục dữ liệu của cấp trên mới tạo được tệp mẫu; thư mục này chưa được thiết lập là cấp trên.</translation>
    </message>
    <message>
        <source>There is no plan of {unit} for {year} to take the required indicators from. Import the upper level&apos;s own list of indicators for {year} first.</source>
        <translation>Không có kế hoạch năm {year} của {unit} để lấy các chỉ tiêu yêu cầu. Hãy nhập danh mục chỉ tiêu năm {year} của cấp trên trước.</translation>
    </message>
    <message>
        <source>The file {path} is not a template from an upper level.</source>
        <translation>Tệp {path} không phải tệp mẫu của cấp trên.</translation>
    </message>
    <message>
        <source>This data folder is an upper level&apos;s; templates are imported in a ward&apos;s data folder.</source>
        <translation>Thư mục dữ liệu này là của cấp trên; tệp mẫu được nhập ở thư mục dữ liệu của phường.</translation>
    </message>
    <message>
        <source>No unit in this data folder reports to {upper} ({code}); import or create the ward&apos;s plan first.</source>
        <translation>Không có đơn vị nào trong thư mục dữ liệu này báo cáo lên {upper} ({code}); hãy nhập hoặc tạo kế hoạch của phường trước.</translation>
    </message>
    <message>
        <source>The template {path} is signed with key {found}, but {code} is known here by key {pinned}. It may not come from {code}; an officer must confirm the new key explicitly.</source>
        <translation>Tệp mẫu {path} được ký bằng khóa {found}, nhưng tại đây {code} được ghi nhận với khóa {pinned}. Tệp có thể không phải do {code} gửi; cán bộ phải xác nhận khóa mới.</translation>
    </message>
    <message>
        <source>The template {path} cannot be used: {detail}.</source>
        <translation>Không dùng được tệp mẫu {path}: {detail}.</translation>
    </message>
    <message>
        <source>The document cannot be laid out: something in it is taller than a page (the footnotes cited on one page, or one row of a table). Shorten it and try again.</source>
        <translation>Không dàn trang được văn bản: có phần cao hơn một trang (các chú thích dẫn trên cùng một trang, hoặc một dòng của bảng). Hãy rút gọn rồi thử lại.</translation>
    </message>
    <message>
        <source>Revision {revision} of {code}&apos;s plan for {year} has not been received.</source>
        <translation>Chưa nhận được lần sửa {revision} của kế hoạch năm {year} của {code}.</translation>
    </message>
    <message>
        <source>This data folder is not set up as an upper level, so it has received no plans to compare. Receive the wards&apos; files first.</source>
        <translation>Thư mục dữ liệu này chưa được thiết lập là cấp trên nên chưa nhận kế hoạch nào để so sánh. Hãy nhận tệp của các phường, xã trước.</translation>
    </message>
    <message>
        <source>Revision {revision} of {code}&apos;s plan for {year} has not been received; the revisions received are {held}.</source>
        <translation>Chưa nhận được lần sửa {revision} của kế hoạch năm {year} của {code}; các lần sửa đã nhận: {held}.</translation>
    </message>
    <message>
        <source>No revision of {code}&apos;s plan for {year} has been received here.</source>
        <translation>Chưa nhận được lần sửa nào của kế hoạch năm {year} của {code}.</translation>
    </message>
    <message>
        <source>The copy of revision {revision} of {code}&apos;s plan for {year} kept in this data folder is damaged, so it cannot be compared. Restore the data folder from a backup.</source>
        <translation>Bản lưu lần sửa {revision} của kế hoạch năm {year} của {code} trong thư mục dữ liệu này đã bị hỏng nên không so sánh được. Hãy khôi phục thư mục dữ liệu từ bản sao lưu.</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} dòng</translation>
    </message>
    <message>
        <source>The file {path} is not a unit list the program can read: use a CSV file (.csv) or an Excel workbook (.xlsx).</source>
        <extracomment>The levels of the units a list registers, as the data model stores them. The levels an upper level itself may have. The Vietnamese word of each level, as lists and people write it.</extracomment>
        <translation>Tệp {path} không phải danh sách đơn vị mà chương trình đọc được: hãy dùng tệp CSV (.csv) hoặc bảng tính Excel (.xlsx).</translation>
    </message>
    <message>
        <source>The file {path} is in the old Excel format (.xls). Open it in Excel, save it as an Excel workbook (.xlsx) or as CSV UTF-8, and import that file.</source>
        <translation>Tệp {path} ở định dạng Excel cũ (.xls). Hãy mở tệp bằng Excel, lưu thành bảng tính Excel (.xlsx) hoặc CSV UTF-8, rồi nhập tệp vừa lưu.</translation>
    </message>
    <message>
        <source>The file {path} is not a valid Excel workbook (.xlsx); it may be damaged or only named like one. Open it in Excel and save it again, or save it as CSV UTF-8.</source>
        <translation>Tệp {path} không phải bảng tính Excel (.xlsx) hợp lệ; tệp có thể bị hỏng hoặc chỉ được đặt tên giống bảng tính Excel. Hãy mở tệp bằng Excel và lưu lại, hoặc lưu thành CSV UTF-8.</translation>
    </message>
    <message>
        <source>The file {path} is an Excel workbook named as a CSV file. Rename it to end in .xlsx, or save it from Excel as CSV UTF-8.</source>
        <translation>Tệp {path} là bảng tính Excel nhưng được đặt tên như tệp CSV. Hãy đổi tên tệp để có đuôi .xlsx, hoặc dùng Excel lưu tệp thành CSV UTF-8.</translation>
    </message>
    <message>
        <source>The file {path} is not text in UTF-8. In Excel choose Save As, type &quot;CSV UTF-8 (Comma delimited)&quot;, and import that file.</source>
        <translation>Tệp {path} không phải văn bản mã UTF-8. Trong Excel, chọn Save As (Lưu Như), chọn kiểu tệp &quot;CSV UTF-8 (Comma delimited)&quot;, rồi nhập tệp vừa lưu.</translation>
    </message>
    <message>
        <source>The file {path} is empty; no unit was registered.</source>
        <translation>Tệp {path} rỗng; chưa đăng ký đơn vị nào.</translation>
    </message>
    <message>
        <source>The file {path} has a header row but no units under it; no unit was registered.</source>
        <translation>Tệp {path} có dòng tiêu đề nhưng không có đơn vị nào bên dưới; chưa đăng ký đơn vị nào.</translation>
    </message>
    <message>
        <source>The file {path} is too large for a list of units (at most {limit}).</source>
        <translation>Tệp {path} quá lớn đối với một danh sách đơn vị (tối đa {limit}).</translation>
    </message>
    <message>
        <source>The first row of {path} must name the columns, and it has none for: {missing}. The columns are the code (&quot;Mã đơn vị&quot; or &quot;code&quot;), the name (&quot;Tên đơn vị&quot; or &quot;name&quot;) and the level (&quot;Cấp&quot; or &quot;level&quot;).</source>
        <translation>Dòng đầu tiên của {path} phải ghi tên các cột, nhưng chưa có cột: {missing}. Các cột gồm mã đơn vị (&quot;Mã đơn vị&quot; hoặc &quot;code&quot;), tên đơn vị (&quot;Tên đơn vị&quot; hoặc &quot;name&quot;) và cấp (&quot;Cấp&quot; hoặc &quot;level&quot;).</translation>
    </message>
    <message>
        <source>The first row of {path} names the {column} twice (columns {first} and {second}); keep one of them.</source>
        <translation>Dòng đầu tiên của {path} ghi cột {column} hai lần (cột {first} và cột {second}); hãy chỉ giữ lại một cột.</translation>
    </message>
    <message>
        <source>The unit list {path} was not imported and nothing was changed: {problems}.</source>
        <translation>Danh sách đơn vị {path} chưa được nhập và không có gì thay đổi: {problems}.</translation>
    </message>
    <message>
        <source>row {row}: the code is missing</source>
        <translation>dòng {row}: thiếu mã đơn vị</translation>
    </message>
    <message>
        <source>row {row}: the name is missing</source>
        <translation>dòng {row}: thiếu tên đơn vị</translation>
    </message>
    <message>
        <source>row {row}: the level is missing</source>
        <translation>dòng {row}: thiếu cấp</translation>
    </message>
    <message>
        <source>row {row}: &quot;{level}&quot; is not a level of a unit (phường, xã, thị trấn or đặc khu)</source>
        <translation>dòng {row}: &quot;{level}&quot; không phải là cấp của một đơn vị (phường, xã, thị trấn hoặc đặc khu)</translation>
    </message>
    <message>
        <source>row {row}: the {column} is longer than {limit} characters</source>
        <translation>dòng {row}: {column} dài quá {limit} ký tự</translation>
    </message>
    <message>
        <source>row {row}: the code {code} is already in row {first}</source>
        <translation>dòng {row}: mã {code} đã có ở dòng {first}</translation>
    </message>
    <message>
        <source>row {row}: the code {code} belongs to a unit of another upper level ({upper})</source>
        <translation>dòng {row}: mã {code} thuộc về một đơn vị của cấp trên khác ({upper})</translation>
    </message>
    <message>
        <source>row {row}: the code {code} is this office&apos;s own code</source>
        <translation>dòng {row}: mã {code} là mã của chính cơ quan này</translation>
    </message>
    <message>
        <source>row {row}: the code {code} is the upper level of this office</source>
        <translation>dòng {row}: mã {code} là mã của cấp trên của cơ quan này</translation>
    </message>
    <message>
        <source>row {row}: the code {code} is held here as {stored}; write it the same way</source>
        <translation>dòng {row}: mã {code} được lưu tại đây dưới dạng {stored}; hãy ghi giống hệt như vậy</translation>
    </message>
    <message>
        <source>and {count} more rows with problems</source>
        <translation>và {count} dòng khác có lỗi</translation>
    </message>
    <message>
        <source>code</source>
        <translation>mã đơn vị</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên đơn vị</translation>
    </message>
    <message>
        <source>level</source>
        <translation>cấp</translation>
    </message>
    <message>
        <source>This data folder is not set up as an upper level yet. Give this office&apos;s own code, name and level with the first unit list (on the command line: --own-code, --own-name, --own-level).</source>
        <translation>Thư mục dữ liệu này chưa được thiết lập là cấp trên. Hãy cho biết mã, tên và cấp của chính cơ quan này khi nhập danh sách đơn vị đầu tiên (trên dòng lệnh: --own-code, --own-name, --own-level).</translation>
    </message>
    <message>
        <source>This data folder is the upper level {own}; it cannot become {code}. Nothing was changed.</source>
        <translation>Thư mục dữ liệu này là của cấp trên {own}; không thể chuyển thành {code}. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This office&apos;s code, name and level must all be given.</source>
        <translation>Phải cho biết đủ cả mã, tên và cấp của cơ quan này.</translation>
    </message>
    <message>
        <source>&quot;{level}&quot; is not the level of an upper level (tỉnh, thành phố, quận, huyện or thị xã).</source>
        <translation>&quot;{level}&quot; không phải là cấp hợp lệ của cấp trên (tỉnh, thành phố, quận, huyện hoặc thị xã).</translation>
    </message>
    <message>
        <source>The indicator catalogue {path} cannot be used: {detail}.</source>
        <extracomment>The source of the entries a user adds; never used in the catalogue file.</extracomment>
        <translation>Không dùng được danh mục chỉ tiêu {path}: {detail}.</translation>
    </message>
    <message>
        <source>it is not JSON (the error is at line {line}, column {column})</source>
        <translation>nội dung không phải JSON (lỗi ở dòng {line}, cột {column})</translation>
    </message>
    <message>
        <source>it is not text in UTF-8 encoding</source>
        <translation>nội dung không phải văn bản mã UTF-8</translation>
    </message>
    <message>
        <source>it is not an indicator catalogue (it has no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>tệp không phải danh mục chỉ tiêu (không có &quot;format&quot;: &quot;{format}&quot;)</translation>
    </message>
    <message>
        <source>it is in catalogue format {found}, newer than this program understands ({supported}); update WardPlan Desktop</source>
        <translation>tệp theo định dạng danh mục phiên bản {found}, mới hơn phiên bản chương trình này đọc được ({supported}); hãy cập nhật WardPlan Desktop</translation>
    </message>
    <message>
        <source>at the top level, {problem}</source>
        <translation>ở lớp ngoài cùng của tệp, {problem}</translation>
    </message>
    <message>
        <source>entry {number} (&quot;{name}&quot;): {problem}</source>
        <translation>mục {number} (&quot;{name}&quot;): {problem}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is missing</source>
        <translation>thiếu &quot;{key}&quot;</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is not a key of the catalogue format</source>
        <translation>&quot;{key}&quot; không phải là một trường của định dạng danh mục</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be text</source>
        <translation>&quot;{key}&quot; phải là chuỗi văn bản</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be text or null</source>
        <translation>&quot;{key}&quot; phải là chuỗi văn bản hoặc null</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list of texts</source>
        <translation>&quot;{key}&quot; phải là danh sách các chuỗi văn bản</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be an object</source>
        <translation>&quot;{key}&quot; phải là một đối tượng</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list</source>
        <translation>&quot;{key}&quot; phải là một danh sách</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; cannot be the name of a source</source>
        <translation>&quot;{key}&quot; không được dùng làm tên nguồn</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is empty</source>
        <translation>&quot;{key}&quot; đang để trống</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is &quot;{value}&quot;, which is not one of: {choices}</source>
        <translation>&quot;{key}&quot; là &quot;{value}&quot;, không thuộc các giá trị: {choices}</translation>
    </message>
    <message>
        <source>it repeats entry {other} (the same name and unit)</source>
        <translation>trùng với mục {other} (cùng tên và đơn vị tính)</translation>
    </message>
    <message>
        <source>its catalogue code &quot;{code}&quot; is already used by entry {other}</source>
        <translation>mã danh mục &quot;{code}&quot; đã được mục {other} sử dụng</translation>
    </message>
    <message>
        <source>its parent &quot;{parent}&quot; is not the name of an entry of the catalogue</source>
        <translation>mục cha &quot;{parent}&quot; không trùng với tên mục nào trong danh mục</translation>
    </message>
    <message>
        <source>The indicator has no name; nothing was added to the catalogue.</source>
        <translation>Chỉ tiêu chưa có tên; chưa thêm gì vào danh mục.</translation>
    </message>
    <message>
        <source>The catalogue already has the indicator &quot;{name}&quot; with the unit &quot;{unit}&quot;; it was not added again.</source>
        <translation>Danh mục đã có chỉ tiêu &quot;{name}&quot; với đơn vị tính &quot;{unit}&quot;; chỉ tiêu không được thêm lần nữa.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a field; use one of: {choices}.</source>
        <translation>&quot;{value}&quot; không phải là lĩnh vực; hãy dùng một trong các giá trị: {choices}.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a direction; use one of: {choices}.</source>
        <translation>&quot;{value}&quot; không phải là chiều đánh giá; hãy dùng một trong các giá trị: {choices}.</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is built into the catalogue; only your own entries can be removed.</source>
        <translation>&quot;{name}&quot; là mục có sẵn trong danh mục; chỉ xóa được các mục do bạn tự thêm.</translation>
    </message>
    <message>
        <source>That entry is not among your own catalogue entries (it may have been removed already); nothing was changed.</source>
        <translation>Mục này không nằm trong các mục do bạn tự thêm vào danh mục (có thể đã bị xóa trước đó); không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This data folder is not set up as an upper level, so it has nothing to consolidate. Receive the wards&apos; files or import the list of units first.</source>
        <translation>Thư mục dữ liệu này chưa được thiết lập là cấp trên nên chưa có gì để tổng hợp. Hãy nhận tệp của các phường hoặc nhập danh sách đơn vị trước.</translation>
    </message>
    <message>
        <source>{what} may have at most {limit} characters; it has {length}.</source>
        <translation>{what} chỉ được dài tối đa {limit} ký tự; hiện có {length} ký tự.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a possible {what}.</source>
        <translation>&quot;{value}&quot; không phải là {what} hợp lệ.</translation>
    </message>
    <message>
        <source>{day}/{month}/{year} is not a date.</source>
        <translation>{day}/{month}/{year} không phải là ngày hợp lệ.</translation>
    </message>
    <message>
        <source>The year must be between {low} and {high}.</source>
        <translation>Năm phải nằm trong khoảng từ {low} đến {high}.</translation>
    </message>
    <message>
        <source>{what} cannot be empty.</source>
        <translation>{what} không được để trống.</translation>
    </message>
    <message>
        <source>The footnote key {key} is already used in this plan, or is not letters, digits, &quot;-&quot; or &quot;_&quot;.</source>
        <translation>Khóa chú thích {key} đã được dùng trong kế hoạch này, hoặc có ký tự không phải chữ cái, chữ số, &quot;-&quot; hay &quot;_&quot;.</translation>
    </message>
    <message>
        <source>An item cannot be moved under itself.</source>
        <translation>Không thể chuyển một mục vào bên dưới chính nó.</translation>
    </message>
    <message>
        <source>{what} cannot be edited here.</source>
        <translation>{what} không sửa được tại đây.</translation>
    </message>
    <message>
        <source>This {year} document of {unit} is kept as the unit sent it and cannot be changed here; the unit sends a new revision instead.</source>
        <translation>Văn bản năm {year} này của {unit} được lưu đúng như đơn vị đã gửi và không sửa được ở đây; đơn vị cần gửi lần sửa mới.</translation>
    </message>
    <message>
        <source>The document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>The document symbol</source>
        <translation>Ký hiệu văn bản</translation>
    </message>
    <message>
        <source>The place name</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>The parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>The signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <source>The body signed for</source>
        <translation>Cơ quan hoặc chức danh được thay mặt, ký thay</translation>
    </message>
    <message>
        <source>The signer&apos;s position</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>The signer&apos;s name</source>
        <translation>Tên người ký</translation>
    </message>
    <message>
        <source>The label</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>The unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>The task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>kind of paragraph</source>
        <translation>loại đoạn văn</translation>
    </message>
    <message>
        <source>emphasis</source>
        <translation>kiểu chữ</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>chiều đánh giá</translation>
    </message>
    <message>
        <source>row style</source>
        <translation>kiểu dòng</translation>
    </message>
    <message>
        <source>status</source>
        <translation>trạng thái</translation>
    </message>
    <message>
        <source>field</source>
        <translation>lĩnh vực</translation>
    </message>
    <message>
        <source>part of the document</source>
        <translation>phần của văn bản</translation>
    </message>
    <message>
        <source>period</source>
        <translation>kỳ số liệu</translation>
    </message>
    <message>
        <source>The issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>The lines under the title</source>
        <translation>Dòng dưới trích yếu</translation>
    </message>
    <message>
        <source>The preamble</source>
        <translation>Phần mở đầu</translation>
    </message>
    <message>
        <source>The closing</source>
        <translation>Phần kết</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>The result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>The catalogue code</source>
        <translation>Mã danh mục</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>A legal basis</source>
        <translation>Mỗi căn cứ</translation>
    </message>
    <message>
        <source>A recipient</source>
        <translation>Mỗi nơi nhận</translation>
    </message>
    <message>
        <source>The file {path} is not a WardPlan Desktop database; nothing was restored.</source>
        <translation>Tệp {path} không phải là cơ sở dữ liệu của WardPlan Desktop; chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of WardPlan Desktop (schema {found}; this version knows up to {supported}). Update the program to restore it; nothing was restored.</source>
        <translation>Bản sao lưu {path} do phiên bản WardPlan Desktop mới hơn tạo ra (lược đồ {found}; phiên bản này chỉ đọc được đến {supported}). Hãy cập nhật chương trình rồi khôi phục; chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({detail}). Choose another backup; nothing was restored.</source>
        <translation>Bản sao lưu {path} bị hỏng ({detail}). Hãy chọn bản sao lưu khác; chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>The backup {path} does not exist any more; nothing was restored.</source>
        <translation>Bản sao lưu {path} không còn nữa; chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>This data folder is already in use; it is set up only while it is empty.</source>
        <translation>Thư mục dữ liệu này đã được sử dụng; chỉ thiết lập được khi thư mục còn trống.</translation>
    </message>
    <message>
        <source>Fill in: {missing}.</source>
        <translation>Hãy điền: {missing}.</translation>
    </message>
    <message>
        <source>&quot;{level}&quot; is not a level the program knows.</source>
        <translation>&quot;{level}&quot; không phải là một cấp hành chính chương trình biết.</translation>
    </message>
    <message>
        <source>the unit&apos;s code</source>
        <translation>mã đơn vị</translation>
    </message>
    <message>
        <source>the unit&apos;s name</source>
        <translation>tên đơn vị</translation>
    </message>
    <message>
        <source>the upper level&apos;s code</source>
        <translation>mã đơn vị cấp trên</translation>
    </message>
    <message>
        <source>the upper level&apos;s name</source>
        <translation>tên đơn vị cấp trên</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>&amp;Text</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <source>I&amp;ndicators</source>
        <translation>&amp;Chỉ tiêu</translation>
    </message>
    <message>
        <source>&amp;Key tasks</source>
        <translation>Nhiệm vụ &amp;trọng tâm</translation>
    </message>
    <message>
        <source>Add key task</source>
        <translation>Thêm nhiệm vụ trọng tâm</translation>
    </message>
    <message>
        <source>Remove key task</source>
        <translation>Xóa nhiệm vụ trọng tâm</translation>
    </message>
    <message>
        <source>New key task</source>
        <translation>Nhiệm vụ trọng tâm mới</translation>
    </message>
    <message>
        <source>a key task</source>
        <translation>nhiệm vụ trọng tâm</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>First start</source>
        <translation>Bắt đầu sử dụng</translation>
    </message>
</context>
<context>
    <name>GeneralForm</name>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>S&amp;ymbol:</source>
        <translation>&amp;Ký hiệu:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày ban hành:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Trích &amp;yếu:</translation>
    </message>
    <message>
        <source>&amp;Issuing body:</source>
        <translation>Cơ quan &amp;ban hành:</translation>
    </message>
    <message>
        <source>Pa&amp;rent body:</source>
        <translation>Cơ quan chủ &amp;quản:</translation>
    </message>
    <message>
        <source>Lines under the &amp;title:</source>
        <translation>&amp;Dòng dưới trích yếu:</translation>
    </message>
    <message>
        <source>&amp;Legal bases (one per line):</source>
        <translation>&amp;Căn cứ (mỗi dòng một căn cứ):</translation>
    </message>
    <message>
        <source>Pr&amp;eamble:</source>
        <translation>&amp;Phần mở đầu:</translation>
    </message>
    <message>
        <source>day</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>month</source>
        <translation>tháng</translation>
    </message>
    <message>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>blank until the document is numbered</source>
        <translation>để trống cho đến khi văn bản được cấp số</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Added</source>
        <extracomment>Plain words (the plan&apos;s own) or a message to translate.</extracomment>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Đã bỏ</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Document symbol</source>
        <translation>Ký hiệu văn bản</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <source>Body signed for</source>
        <translation>Cơ quan hoặc chức danh được thay mặt, ký thay</translation>
    </message>
    <message>
        <source>Signer&apos;s position</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Lines under the title</source>
        <translation>Dòng dưới trích yếu</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>Phần mở đầu</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Phần kết</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Date: day</source>
        <translation>Ngày ban hành: ngày</translation>
    </message>
    <message>
        <source>Date: month</source>
        <translation>Ngày ban hành: tháng</translation>
    </message>
    <message>
        <source>Date: year</source>
        <translation>Ngày ban hành: năm</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Plan: {attribute}</source>
        <translation>Kế hoạch: {attribute}</translation>
    </message>
    <message>
        <source>The whole plan</source>
        <translation>Toàn bộ kế hoạch</translation>
    </message>
    <message>
        <source>revision {revision}</source>
        <translation>lần sửa {revision}</translation>
    </message>
    <message>
        <source>label</source>
        <extracomment>Attributes of items other than the plan, printed after the item&apos;s name.</extracomment>
        <translation>số thứ tự</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>emphasis</source>
        <translation>kiểu chữ</translation>
    </message>
    <message>
        <source>field</source>
        <translation>lĩnh vực</translation>
    </message>
    <message>
        <source>part of the document</source>
        <translation>phần của văn bản</translation>
    </message>
    <message>
        <source>role</source>
        <translation>vai trò</translation>
    </message>
    <message>
        <source>position</source>
        <translation>vị trí</translation>
    </message>
    <message>
        <source>placed under</source>
        <translation>nằm dưới</translation>
    </message>
    <message>
        <source>table</source>
        <translation>bảng</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị tính</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>chiều đánh giá</translation>
    </message>
    <message>
        <source>row style</source>
        <translation>kiểu dòng</translation>
    </message>
    <message>
        <source>catalogue code</source>
        <translation>mã danh mục</translation>
    </message>
    <message>
        <source>set by</source>
        <translation>nơi giao chỉ tiêu</translation>
    </message>
    <message>
        <source>result</source>
        <translation>kết quả thực hiện</translation>
    </message>
    <message>
        <source>key</source>
        <translation>khóa</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>dòng dưới tiêu đề</translation>
    </message>
    <message>
        <source>orientation</source>
        <translation>hướng trang</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>các cột</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>mục đích</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>text</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>task</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>{item}: {attribute}</source>
        <extracomment>The attribute that is the item itself: its change needs no &quot;…: attribute&quot;.</extracomment>
        <translation>{item}: {attribute}</translation>
    </message>
    <message>
        <source>{item} (removed)</source>
        <translation>{item} (đã bỏ)</translation>
    </message>
    <message>
        <source>Section {label} «{text}»</source>
        <translation>Mục {label} «{text}»</translation>
    </message>
    <message>
        <source>Section «{text}»</source>
        <translation>Mục «{text}»</translation>
    </message>
    <message>
        <source>Indicator «{name}»</source>
        <translation>Chỉ tiêu «{name}»</translation>
    </message>
    <message>
        <source>Indicator «{name}»: {period} {year}</source>
        <translation>Chỉ tiêu «{name}»: {period} {year}</translation>
    </message>
    <message>
        <source>Key task {label}</source>
        <translation>Nhiệm vụ trọng tâm {label}</translation>
    </message>
    <message>
        <source>Key task «{task}»</source>
        <translation>Nhiệm vụ trọng tâm «{task}»</translation>
    </message>
    <message>
        <source>Footnote {key}</source>
        <translation>Chú thích {key}</translation>
    </message>
    <message>
        <source>Legal basis {number}</source>
        <translation>Căn cứ {number}</translation>
    </message>
    <message>
        <source>Recipient {number}</source>
        <translation>Nơi nhận {number}</translation>
    </message>
    <message>
        <source>Indicator table {label} «{title}»</source>
        <translation>Bảng chỉ tiêu {label} «{title}»</translation>
    </message>
    <message>
        <source>Appendix «{title}»</source>
        <translation>Phụ lục «{title}»</translation>
    </message>
    <message>
        <source>{entity} {uid}</source>
        <translation>{entity} {uid}</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(không nằm dưới mục nào)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>6-month result</source>
        <translation>thực hiện 6 tháng</translation>
    </message>
    <message>
        <source>9-month result</source>
        <translation>thực hiện 9 tháng</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>ước thực hiện</translation>
    </message>
    <message>
        <source>higher is better</source>
        <extracomment>Words for the codes an attribute holds (directions, fields, styles…).</extracomment>
        <translation>càng cao càng tốt</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>càng thấp càng tốt</translation>
    </message>
    <message>
        <source>keep the level</source>
        <translation>duy trì mức hiện có</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Kinh tế</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Văn hóa - xã hội</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Quốc phòng - an ninh</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Xây dựng chính quyền</translation>
    </message>
    <message>
        <source>numbered item</source>
        <translation>mục đánh số</translation>
    </message>
    <message>
        <source>&quot;-&quot; sub-item</source>
        <translation>mục con &quot;-&quot;</translation>
    </message>
    <message>
        <source>&quot;Of which&quot; row</source>
        <translation>dòng &quot;Trong đó&quot;</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>đề mục</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>đoạn văn</translation>
    </message>
    <message>
        <source>&quot;-&quot; bullet</source>
        <translation>gạch đầu dòng &quot;-&quot;</translation>
    </message>
    <message>
        <source>&quot;+&quot; bullet</source>
        <translation>gạch đầu dòng &quot;+&quot;</translation>
    </message>
    <message>
        <source>key tasks table</source>
        <translation>bảng nhiệm vụ trọng tâm</translation>
    </message>
    <message>
        <source>indicator table</source>
        <translation>bảng chỉ tiêu</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>council resolution</source>
        <translation>nghị quyết HĐND</translation>
    </message>
    <message>
        <source>emulation plan</source>
        <translation>kế hoạch thi đua</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>bình thường</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>in đậm</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>in nghiêng</translation>
    </message>
    <message>
        <source>bold italic</source>
        <translation>in đậm nghiêng</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>đánh giá tình hình</translation>
    </message>
    <message>
        <source>plan and targets</source>
        <translation>mục tiêu và chỉ tiêu</translation>
    </message>
    <message>
        <source>tasks and solutions</source>
        <translation>nhiệm vụ và giải pháp</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>tổ chức thực hiện</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <source>final</source>
        <translation>chính thức</translation>
    </message>
    <message>
        <source>upper level</source>
        <translation>cấp trên</translation>
    </message>
    <message>
        <source>the ward</source>
        <translation>phường</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>khổ dọc</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>khổ ngang</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <extracomment>How many lines are put into words per idle moment (a few milliseconds&apos; work). Longest text shown in a cell; the tooltip has all of it. The combining marks NFD splits Vietnamese letters into (tones, hat, horn, breve).</extracomment>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Giá trị cũ</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search the history (accents optional)…</source>
        <translation>Tìm trong lịch sử (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <source>Show renumbering</source>
        <translation>Hiện cả việc đánh số lại</translation>
    </message>
    <message>
        <source>Also list the items whose position shifted because another item was added, removed or moved. A change of order on its own is always listed.</source>
        <translation>Liệt kê cả những mục bị đổi vị trí do có mục khác được thêm, xóa hoặc di chuyển. Việc tự đổi thứ tự của một mục luôn được liệt kê.</translation>
    </message>
    <message>
        <source>&amp;Restore this value</source>
        <translation>&amp;Khôi phục giá trị này</translation>
    </message>
    <message>
        <source>Put back the old value of the selected change. This is itself a change: Undo (Ctrl+Z) reverts it.</source>
        <translation>Đưa giá trị cũ của thay đổi đang chọn trở lại. Bản thân việc khôi phục cũng là một thay đổi: có thể bỏ bằng Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n thay đổi</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} changes</source>
        <translation>{shown} trong số {total} thay đổi</translation>
    </message>
    <message>
        <source>Select a change to restore its old value.</source>
        <translation>Hãy chọn một thay đổi để khôi phục giá trị cũ.</translation>
    </message>
    <message>
        <source>It was empty before: restoring it empties it again.</source>
        <translation>Trước đó mục này để trống: khôi phục sẽ làm trống lại.</translation>
    </message>
    <message>
        <source>Open this plan for editing to restore its values.</source>
        <translation>Hãy mở kế hoạch này để chỉnh sửa thì mới khôi phục được giá trị.</translation>
    </message>
    <message>
        <source>This item no longer exists; Undo (Ctrl+Z) can bring back a removal made in this session.</source>
        <translation>Mục này không còn nữa; Hoàn tác (Ctrl+Z) có thể lấy lại mục đã xóa trong phiên làm việc này.</translation>
    </message>
    <message>
        <source>Only changed words and values can be restored here; additions, removals, moves and imports are undone with Undo (Ctrl+Z).</source>
        <translation>Ở đây chỉ khôi phục được chữ và giá trị đã sửa; việc thêm, xóa, di chuyển và nhập tệp được hủy bằng Hoàn tác (Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>IndicatorEditModel</name>
    <message>
        <source>Higher is better</source>
        <extracomment>Custom roles: the row&apos;s uid, what the row is, its depth, the (year, period) of a value column and the Value shown in it. The results of a year, best first, that are compared with its target. The units real plans use, offered when adding an indicator (data, not UI text).</extracomment>
        <translation>Càng cao càng tốt</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Càng thấp càng tốt</translation>
    </message>
    <message>
        <source>Keep a level</source>
        <translation>Duy trì mức</translation>
    </message>
    <message>
        <source>{result} against {target}</source>
        <extracomment>The periods of the value columns, with the year offset from the plan&apos;s year. Emitted when set_plan changed which rows there are (after the reset).</extracomment>
        <translation>{result} so với {target}</translation>
    </message>
    <message>
        <source>The latest result of last year (result, estimate, 9 or 6 months) as a percentage of last year&apos;s target</source>
        <translation>Kết quả mới nhất của năm trước (thực hiện cả năm, ước thực hiện, 9 tháng hoặc 6 tháng) tính theo phần trăm so với kế hoạch năm trước</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <source>% of plan</source>
        <translation>% so KH</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Of which: </source>
        <translation>Trong đó: </translation>
    </message>
    <message>
        <source>Direction: {direction}</source>
        <translation>Chiều đánh giá: {direction}</translation>
    </message>
    <message>
        <source>Assigned by the upper level.</source>
        <translation>Do cấp trên giao.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Ghi chú: {note}</translation>
    </message>
    <message>
        <source>Target assigned by the upper level: the ward cannot change it.</source>
        <translation>Chỉ tiêu kế hoạch do cấp trên giao: phường không thể thay đổi.</translation>
    </message>
    <message>
        <source>the name of “{indicator}”</source>
        <translation>tên chỉ tiêu “{indicator}”</translation>
    </message>
    <message>
        <source>the unit of “{indicator}”</source>
        <translation>đơn vị tính của chỉ tiêu “{indicator}”</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>Add indicator…</source>
        <extracomment>The current indicator changed (&quot;&quot; when none).</extracomment>
        <translation>Thêm chỉ tiêu…</translation>
    </message>
    <message>
        <source>Add an indicator from the catalogue or your own (Insert)</source>
        <translation>Thêm một chỉ tiêu từ danh mục hoặc tự ghi (Insert)</translation>
    </message>
    <message>
        <source>Add “Trong đó” row…</source>
        <translation>Thêm dòng “Trong đó”…</translation>
    </message>
    <message>
        <source>Add a “Trong đó” (of which) row under the selected indicator (Ctrl+Insert)</source>
        <translation>Thêm dòng “Trong đó” dưới chỉ tiêu đang chọn (Ctrl+Insert)</translation>
    </message>
    <message>
        <source>Edit value…</source>
        <translation>Sửa giá trị…</translation>
    </message>
    <message>
        <source>Edit the selected value in parts: kind, numbers, unit (Ctrl+F2)</source>
        <translation>Sửa giá trị đang chọn theo từng phần: loại, con số, đơn vị tính (Ctrl+F2)</translation>
    </message>
    <message>
        <source>Clear value</source>
        <translation>Xóa giá trị</translation>
    </message>
    <message>
        <source>Empty the selected value cells (Delete)</source>
        <translation>Xóa trống các ô giá trị đang chọn (Delete)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <source>Move the indicator up among its rows (Ctrl+Up)</source>
        <translation>Chuyển chỉ tiêu lên trên trong nhóm dòng của nó (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <source>Move the indicator down among its rows (Ctrl+Down)</source>
        <translation>Chuyển chỉ tiêu xuống dưới trong nhóm dòng của nó (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa chỉ tiêu</translation>
    </message>
    <message>
        <source>Remove the indicator with its sub-rows and values; Ctrl+Z brings it back (Ctrl+Delete)</source>
        <translation>Xóa chỉ tiêu cùng các dòng con và giá trị; bấm Ctrl+Z để lấy lại (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>This plan has no indicator table for this field.</source>
        <translation>Kế hoạch này không có bảng chỉ tiêu cho lĩnh vực này.</translation>
    </message>
    <message>
        <source>Clear {count} values</source>
        <translation>Xóa {count} giá trị</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Target {year}</source>
        <translation>Kế hoạch {year}</translation>
    </message>
    <message>
        <source>6 months {year}</source>
        <translation>TH 6 tháng {year}</translation>
    </message>
    <message>
        <source>9 months {year}</source>
        <translation>TH 9 tháng {year}</translation>
    </message>
    <message>
        <source>Estimate {year}</source>
        <translation>Ước TH {year}</translation>
    </message>
    <message>
        <source>Result {year}</source>
        <translation>TH cả năm {year}</translation>
    </message>
    <message>
        <source>Exceeded</source>
        <translation>Vượt</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Not comparable</source>
        <translation>Không so sánh được</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <source>% of plan</source>
        <translation>% so KH</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Of which: </source>
        <translation>Trong đó: </translation>
    </message>
</context>
<context>
    <name>KeyTaskModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>Nhiệm vụ trọng tâm</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WardPlan Desktop</source>
        <extracomment>Parts that only show the plan: never disabled for a plan shown read-only.</extracomment>
        <translation>WardPlan Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Import plan file…</source>
        <translation>&amp;Nhập tệp kế hoạch…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Văn bản in</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <source>&amp;Send this plan to the upper level…</source>
        <translation>&amp;Gửi kế hoạch này lên cấp trên…</translation>
    </message>
    <message>
        <source>&amp;Receive files from wards…</source>
        <translation>&amp;Nhận tệp từ các phường…</translation>
    </message>
    <message>
        <source>&amp;Consolidation of the wards&apos; plans…</source>
        <translation>&amp;Tổng hợp kế hoạch của các đơn vị…</translation>
    </message>
    <message>
        <source>Print pre&amp;view and print…</source>
        <translation>&amp;Xem trước và in…</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>Xuất tệp &amp;PDF…</translation>
    </message>
    <message>
        <source>Export as &amp;Word…</source>
        <translation>Xuất tệp &amp;Word…</translation>
    </message>
    <message>
        <source>Export appendices as &amp;Excel…</source>
        <translation>Xuất phụ lục ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>Dữ liệu: {path}</translation>
    </message>
    <message>
        <source>Key {key} · content {hash}</source>
        <translation>Khóa {key} · mã nội dung {hash}</translation>
    </message>
    <message>
        <source>Import plan file</source>
        <translation>Nhập tệp kế hoạch</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>Kế &amp;hoạch:</translation>
    </message>
    <message>
        <source>Number, date, legal bases</source>
        <translation>Số, ngày, căn cứ</translation>
    </message>
    <message>
        <source>Objectives, evaluation, organisation</source>
        <translation>Mục tiêu, đánh giá, tổ chức TH</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Kinh tế</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Văn hóa - xã hội</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Quốc phòng - an ninh</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Xây dựng chính quyền</translation>
    </message>
    <message>
        <source>Recipients and signature</source>
        <translation>Nơi nhận và chữ ký</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>Toàn văn bản</translation>
    </message>
    <message>
        <source>Indicator table</source>
        <translation>Bảng chỉ tiêu</translation>
    </message>
    <message>
        <source>Chart of results</source>
        <translation>Biểu đồ kết quả</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>Kế hoạch &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Roll over to next year…</source>
        <translation>&amp;Chuyển sang năm sau…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Go to the &amp;checks</source>
        <translation>Đến phần &amp;kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;About WardPlan Desktop</source>
        <translation>Giới thiệu &amp;WardPlan Desktop</translation>
    </message>
    <message>
        <source>Opening the plan…</source>
        <translation>Đang mở kế hoạch…</translation>
    </message>
    <message>
        <source>Sent by {unit}: read only</source>
        <translation>Do {unit} gửi lên: chỉ xem</translation>
    </message>
    <message>
        <source>Last saved {time}</source>
        <translation>Lưu lần cuối lúc {time}</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <source>Import a plan of the unit first (File &gt; Import plan file); a new plan takes the unit&apos;s details from it.</source>
        <translation>Hãy nhập một kế hoạch của đơn vị trước (Tệp &gt; Nhập tệp kế hoạch); kế hoạch mới sẽ lấy thông tin của đơn vị từ kế hoạch đó.</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Kế hoạch mới</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Roll over to next year</source>
        <translation>Chuyển sang năm sau</translation>
    </message>
    <message>
        <source>Start the {kind} of {year} from this one? The header, recipients, signature, indicators and this year&apos;s values are carried over; the text is written afresh.</source>
        <translation>Tạo {kind} năm {year} từ văn bản này? Phần đầu văn bản, nơi nhận, chữ ký, các chỉ tiêu và số liệu năm nay được chuyển sang; phần nội dung sẽ soạn mới.</translation>
    </message>
    <message>
        <source>Plan files (*.json)</source>
        <translation>Tệp kế hoạch (*.json)</translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation>Đang nhập {path}…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất tệp</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Đã ghi {path}</translation>
    </message>
    <message>
        <source>Send to the upper level</source>
        <translation>Gửi lên cấp trên</translation>
    </message>
    <message>
        <source>Sync files (*.wpsync)</source>
        <translation>Tệp đồng bộ (*.wpsync)</translation>
    </message>
    <message>
        <source>Wrote {path} (key {key}, content {hash})</source>
        <translation>Đã ghi {path} (khóa {key}, mã nội dung {hash})</translation>
    </message>
    <message>
        <source>Receive files</source>
        <translation>Nhận tệp</translation>
    </message>
    <message>
        <source>Checking {count} files…</source>
        <translation>Đang kiểm tra {count} tệp…</translation>
    </message>
    <message>
        <source>Imported {count} files</source>
        <translation>Đã nhập {count} tệp</translation>
    </message>
    <message>
        <source>Restored the data of {when}</source>
        <translation>Đã khôi phục dữ liệu của bản {when}</translation>
    </message>
</context>
<context>
    <name>OutcomeModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Will be imported</source>
        <translation>Sẽ nhập</translation>
    </message>
    <message>
        <source>(replaces revision {revision})</source>
        <translation>(thay cho lần sửa {revision})</translation>
    </message>
    <message>
        <source>— a unit not registered before</source>
        <translation>— đơn vị chưa đăng ký trước đây</translation>
    </message>
    <message>
        <source>— WITH A NEW KEY</source>
        <translation>— VỚI KHÓA MỚI</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Edit {what}</source>
        <extracomment>Saves of the same field closer together than this are one undo step. Consecutive saves of one text field while typing merge into one undo step. (revision, saved at) after every change that reached the database. (entity, uid) of the item a change touched, so views can refresh it. A refused change, with the reason (a WardPlanError).</extracomment>
        <translation>Sửa {what}</translation>
    </message>
    <message>
        <source>Edit the date</source>
        <translation>Sửa ngày ban hành</translation>
    </message>
    <message>
        <source>Edit the value of {what}</source>
        <translation>Sửa giá trị chỉ tiêu {what}</translation>
    </message>
    <message>
        <source>Add {what}</source>
        <translation>Thêm {what}</translation>
    </message>
    <message>
        <source>Remove {what}</source>
        <translation>Xóa {what}</translation>
    </message>
    <message>
        <source>Move {what}</source>
        <translation>Di chuyển {what}</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>Unit</source>
        <extracomment>One line naming the plan, for the plan chooser.</extracomment>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>{kind} {year} — {unit} ({code}), revision {revision}</source>
        <translation>{kind} năm {year} — {unit} ({code}), lần sửa {revision}</translation>
    </message>
    <message>
        <source>Council resolution</source>
        <translation>Nghị quyết HĐND</translation>
    </message>
    <message>
        <source>Emulation plan</source>
        <translation>Kế hoạch thi đua</translation>
    </message>
</context>
<context>
    <name>PlanViewDialog</name>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>{unit} — {kind} {year} (revision {revision}, read-only)</source>
        <translation>{unit} — {kind} năm {year} (lần sửa {revision}, chỉ đọc)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Đang chuẩn bị văn bản…</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Đang ghi {path}…</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Economy</source>
        <extracomment>Strong enough to read as bars (the table&apos;s pale cell colours are not). Bars stop here so that one result of 2 000 % does not flatten all others; the words beside the bar keep the exact figure. How many names the lines under the chart list before &quot;and N more&quot;.</extracomment>
        <translation>Kinh tế</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Văn hóa - xã hội</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Quốc phòng - an ninh</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Xây dựng chính quyền</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>Lĩnh &amp;vực:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Save as image…</source>
        <translation>&amp;Lưu thành ảnh…</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>Toàn bộ kế hoạch</translation>
    </message>
    <message>
        <source>Percent of plan {year} — {where}</source>
        <translation>% so kế hoạch năm {year} — {where}</translation>
    </message>
    <message>
        <source>No indicator here has both a target and a result for {year}.</source>
        <translation>Ở đây không có chỉ tiêu nào có cả kế hoạch và kết quả thực hiện năm {year}.</translation>
    </message>
    <message>
        <source>No indicator has both a target and a result for this year yet.</source>
        <translation>Chưa có chỉ tiêu nào có cả kế hoạch và kết quả thực hiện của năm này.</translation>
    </message>
    <message>
        <source>{count} indicator(s) with a target and a result — {counts}</source>
        <translation>{count} chỉ tiêu có cả kế hoạch và kết quả — {counts}</translation>
    </message>
    <message>
        <source>; and {count} more</source>
        <translation>; và {count} chỉ tiêu khác</translation>
    </message>
    <message>
        <source>{name} (target {target}, result {result})</source>
        <translation>{name} (kế hoạch {target}, thực hiện {result})</translation>
    </message>
    <message>
        <source>Cannot be compared with the target ({count}): {names}</source>
        <translation>Không so sánh được với kế hoạch ({count}): {names}</translation>
    </message>
    <message>
        <source>Targets for {year} still without a result ({count}): {names}</source>
        <translation>Chỉ tiêu năm {year} chưa có kết quả thực hiện ({count}): {names}</translation>
    </message>
    <message>
        <source>Save chart as image</source>
        <translation>Lưu biểu đồ thành ảnh</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive files</source>
        <extracomment>{unit code: fingerprint} of the new keys the officer has confirmed.</extracomment>
        <translation>Nhận tệp</translation>
    </message>
    <message>
        <source>&amp;Import {count} files</source>
        <translation>&amp;Nhập {count} tệp</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>Accept units not registered yet (their keys are recorded)</source>
        <translation>Chấp nhận các đơn vị chưa đăng ký (khóa của đơn vị được ghi nhận)</translation>
    </message>
    <message>
        <source>Accept the &amp;new key of the selected unit…</source>
        <translation>Chấp nhận khóa &amp;mới của đơn vị đang chọn…</translation>
    </message>
    <message>
        <source>Nothing is changed until you press Import.</source>
        <translation>Chưa có gì thay đổi cho đến khi bấm Nhập.</translation>
    </message>
    <message>
        <source>This data folder holds nothing yet. Importing makes it the data folder of the upper level {name} ({code}).</source>
        <translation>Thư mục dữ liệu này chưa có gì. Khi nhập, thư mục sẽ trở thành thư mục dữ liệu của cấp trên {name} ({code}).</translation>
    </message>
    <message>
        <source>The file {file} claims to come from {code}, but it is signed with key {found}, while {code} has always signed with key {pinned}.</source>
        <translation>Tệp {file} ghi là của {code}, nhưng được ký bằng khóa {found}, trong khi {code} trước nay luôn ký bằng khóa {pinned}.</translation>
    </message>
    <message>
        <source>A different signing key</source>
        <translation>Khóa ký đã thay đổi</translation>
    </message>
    <message>
        <source>Accept it only if you have confirmed with {code} by telephone or in person that they now send from another computer and that their new key is {found}. The change is recorded in the audit log.</source>
        <translation>Chỉ chấp nhận khi đã xác nhận với {code} qua điện thoại hoặc trực tiếp rằng đơn vị nay gửi từ máy tính khác và khóa mới là {found}. Việc thay đổi được ghi vào nhật ký kiểm tra.</translation>
    </message>
    <message>
        <source>Accept the new key of {code}</source>
        <translation>Chấp nhận khóa mới của {code}</translation>
    </message>
    <message>
        <source>Do not accept</source>
        <translation>Không chấp nhận</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Backups are made when the program starts (once a day), before files are received and before a restore. Restoring replaces all the data of this folder; the current data is backed up first, so a restore can be undone.</source>
        <translation>Bản sao lưu được tạo khi mở chương trình (mỗi ngày một lần), trước khi nhận tệp và trước khi khôi phục. Khôi phục sẽ thay toàn bộ dữ liệu của thư mục này; dữ liệu hiện tại được sao lưu trước, nên việc khôi phục có thể đảo ngược.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>data that cannot be read</source>
        <translation>dữ liệu không đọc được</translation>
    </message>
    <message>
        <source>{plans} plans, last changed {when}</source>
        <translation>{plans} kế hoạch, sửa lần cuối {when}</translation>
    </message>
    <message>
        <source>Replace the current data with the backup made {when}?</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu lúc {when}?</translation>
    </message>
    <message>
        <source>The current data ({current}) will be replaced by the backup ({backup}). Changes made since the backup are no longer shown, but the current data is backed up first, so this restore can be undone.</source>
        <translation>Dữ liệu hiện tại ({current}) sẽ được thay bằng bản sao lưu ({backup}). Những thay đổi sau thời điểm sao lưu sẽ không còn hiển thị, nhưng dữ liệu hiện tại được sao lưu trước, nên có thể đảo ngược việc khôi phục này.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Revisions</name>
    <message>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Document symbol</source>
        <translation>Ký hiệu văn bản</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Lines under the title</source>
        <translation>Dòng dưới trích yếu</translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>Phần mở đầu</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Phần kết</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Signature block</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <source>Section {label} «{text}»</source>
        <translation>Mục {label} «{text}»</translation>
    </message>
    <message>
        <source>Key task {label}</source>
        <translation>Nhiệm vụ trọng tâm {label}</translation>
    </message>
    <message>
        <source>Footnote {key}</source>
        <translation>Chú thích {key}</translation>
    </message>
    <message>
        <source>Indicator «{name}»</source>
        <translation>Chỉ tiêu «{name}»</translation>
    </message>
    <message>
        <source>Indicator «{name}»: unit</source>
        <translation>Chỉ tiêu «{name}»: đơn vị tính</translation>
    </message>
    <message>
        <source>Indicator «{name}»: {period} {year}</source>
        <translation>Chỉ tiêu «{name}»: {period} {year}</translation>
    </message>
    <message>
        <source>target</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>6-month result</source>
        <translation>thực hiện 6 tháng</translation>
    </message>
    <message>
        <source>9-month result</source>
        <translation>thực hiện 9 tháng</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>ước thực hiện</translation>
    </message>
    <message>
        <source>result</source>
        <translation>thực hiện</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Heading</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <source>Bullet (-)</source>
        <translation>Đầu dòng (-)</translation>
    </message>
    <message>
        <source>Sub-bullet (+)</source>
        <translation>Đầu dòng cấp 2 (+)</translation>
    </message>
    <message>
        <source>— (general)</source>
        <translation>— (chung)</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Kinh tế</translation>
    </message>
    <message>
        <source>Culture and society</source>
        <translation>Văn hóa - xã hội</translation>
    </message>
    <message>
        <source>Defence and security</source>
        <translation>Quốc phòng - an ninh</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Xây dựng chính quyền</translation>
    </message>
    <message>
        <source>Assessment of this year</source>
        <translation>Đánh giá năm nay</translation>
    </message>
    <message>
        <source>Objectives and targets</source>
        <translation>Mục tiêu và chỉ tiêu</translation>
    </message>
    <message>
        <source>Tasks and solutions</source>
        <translation>Nhiệm vụ và giải pháp</translation>
    </message>
    <message>
        <source>Organisation of implementation</source>
        <translation>Tổ chức thực hiện</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>Số &amp;mục:</translation>
    </message>
    <message>
        <source>&amp;Style:</source>
        <translation>&amp;Kiểu chữ:</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>Lĩnh &amp;vực:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>Bold italic</source>
        <translation>Đậm nghiêng</translation>
    </message>
    <message>
        <source>&amp;Add after</source>
        <translation>Thêm &amp;sau</translation>
    </message>
    <message>
        <source>Add a section after this one (Ctrl+Enter)</source>
        <translation>Thêm một mục ngay sau mục này (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Add &amp;inside</source>
        <translation>Thêm vào t&amp;rong</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Chuyển lên (Alt+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Chuyển xuống (Alt+Down)</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>Thụt vào</translation>
    </message>
    <message>
        <source>Put under the section above (Alt+Right)</source>
        <translation>Đưa vào làm mục con của mục phía trên (Alt+Right)</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>Lùi ra</translation>
    </message>
    <message>
        <source>Move out one level (Alt+Left)</source>
        <translation>Lùi ra một cấp (Alt+Left)</translation>
    </message>
    <message>
        <source>No text of this field yet. Choose the field of a section in the general text form, or add a section here.</source>
        <translation>Lĩnh vực này chưa có nội dung. Hãy chọn lĩnh vực cho một mục ở trang nội dung chung, hoặc thêm mục tại đây.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>number</source>
        <translation>số mục</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>style</source>
        <translation>kiểu chữ</translation>
    </message>
    <message>
        <source>field</source>
        <translation>lĩnh vực</translation>
    </message>
    <message>
        <source>a section</source>
        <translation>mục</translation>
    </message>
</context>
<context>
    <name>SideBySideModel</name>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>SignatureForm</name>
    <message>
        <source>&amp;Closing text:</source>
        <translation>&amp;Phần kết:</translation>
    </message>
    <message>
        <source>&amp;Recipients (one per line, purpose in brackets):</source>
        <translation>&amp;Nơi nhận (mỗi dòng một nơi nhận, mục đích ghi trong ngoặc):</translation>
    </message>
    <message>
        <source>Signing &amp;authority:</source>
        <translation>Thẩm &amp;quyền ký:</translation>
    </message>
    <message>
        <source>On &amp;behalf of:</source>
        <translation>Thay &amp;mặt/ký thay:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Chức vụ:</translation>
    </message>
    <message>
        <source>&amp;Signer:</source>
        <translation>Người &amp;ký:</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Place name:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>&amp;Issuing body (header lines):</source>
        <translation>Cơ quan &amp;ban hành (các dòng ở đầu văn bản):</translation>
    </message>
    <message>
        <source>Pa&amp;rent body:</source>
        <translation>Cơ quan chủ &amp;quản:</translation>
    </message>
    <message>
        <source>Upper level:</source>
        <translation>Cấp trên:</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>Meant {integer}: the separator groups thousands</source>
        <translation>Hiểu là {integer}: dấu phân cách hàng nghìn</translation>
    </message>
    <message>
        <source>Meant {integer_part} point {fraction_part}: a decimal</source>
        <translation>Hiểu là {integer_part} phẩy {fraction_part}: số thập phân</translation>
    </message>
    <message>
        <source>Empty: the value will be cleared.</source>
        <translation>Để trống: giá trị sẽ bị xóa.</translation>
    </message>
    <message>
        <source>Not readable: {words} ({reason})</source>
        <translation>Chưa đọc được: {words} ({reason})</translation>
    </message>
    <message>
        <source>Number: {words}</source>
        <translation>Số: {words}</translation>
    </message>
    <message>
        <source>Range: {words}</source>
        <translation>Khoảng: {words}</translation>
    </message>
    <message>
        <source>At least: {words}</source>
        <translation>Tối thiểu: {words}</translation>
    </message>
    <message>
        <source>More than: {words}</source>
        <translation>Lớn hơn: {words}</translation>
    </message>
    <message>
        <source>At most: {words}</source>
        <translation>Tối đa: {words}</translation>
    </message>
    <message>
        <source>Less than: {words}</source>
        <translation>Nhỏ hơn: {words}</translation>
    </message>
    <message>
        <source>Part of a whole: {words}</source>
        <translation>Phần trên tổng số: {words}</translation>
    </message>
    <message>
        <source>Change: {words}</source>
        <translation>Tăng/giảm: {words}</translation>
    </message>
    <message>
        <source>In words: {words}</source>
        <translation>Bằng chữ: {words}</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Khoảng</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Tối thiểu (trở lên)</translation>
    </message>
    <message>
        <source>More than</source>
        <translation>Lớn hơn (trên)</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <source>Less than</source>
        <translation>Nhỏ hơn (dưới)</translation>
    </message>
    <message>
        <source>Part of a whole</source>
        <translation>Phần trên tổng số</translation>
    </message>
    <message>
        <source>Change against a base</source>
        <translation>Tăng/giảm so với mốc</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Bằng chữ</translation>
    </message>
    <message>
        <source>Not readable</source>
        <translation>Chưa đọc được</translation>
    </message>
    <message>
        <source>Edit the value in parts… (Ctrl+F2)</source>
        <extracomment>The clerk asked for the full value dialog (&quot;…&quot; button or Ctrl+F2).</extracomment>
        <translation>Sửa giá trị theo từng phần… (Ctrl+F2)</translation>
    </message>
</context>
<context>
    <name>ValueEditorDialog</name>
    <message>
        <source>Edit value</source>
        <translation>Sửa giá trị</translation>
    </message>
    <message>
        <source>Increase (tăng)</source>
        <translation>Tăng</translation>
    </message>
    <message>
        <source>Decrease (giảm)</source>
        <translation>Giảm</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>C&amp;hange:</source>
        <translation>Tăng/&amp;giảm:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị tính:</translation>
    </message>
    <message>
        <source>Compared &amp;with:</source>
        <translation>&amp;So với:</translation>
    </message>
    <message>
        <source>&amp;Printed words:</source>
        <translation>Nội dung &amp;in ra:</translation>
    </message>
    <message>
        <source>e.g. năm 2023</source>
        <translation>ví dụ: năm 2023</translation>
    </message>
    <message>
        <source>Vietnamese style: 12.575 or 14,5</source>
        <translation>Viết kiểu Việt Nam: 12.575 hoặc 14,5</translation>
    </message>
    <message>
        <source>The lower end of the range is above its upper end.</source>
        <translation>Số đầu của khoảng (Từ) lớn hơn số cuối (Đến).</translation>
    </message>
    <message>
        <source>A number is missing.</source>
        <translation>Còn thiếu một con số.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ:</translation>
    </message>
    <message>
        <source>P&amp;art:</source>
        <translation>&amp;Tử số:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Mức tăng/giảm:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đế&amp;n:</translation>
    </message>
    <message>
        <source>W&amp;hole:</source>
        <translation>&amp;Mẫu số:</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
</context>
<context>
    <name>_Choice</name>
    <message>
        <source>Welcome to WardPlan Desktop</source>
        <translation>Chào mừng đến với WardPlan Desktop</translation>
    </message>
    <message>
        <source>What will this computer be used for? You can change the details later.</source>
        <translation>Máy tính này sẽ dùng vào việc gì? Các thông tin có thể sửa lại sau.</translation>
    </message>
    <message>
        <source>&amp;Ward, commune or township: write our plan</source>
        <translation>&amp;Phường, xã, thị trấn: soạn kế hoạch của đơn vị</translation>
    </message>
    <message>
        <source>&amp;Upper level: receive and consolidate the wards&apos; plans</source>
        <translation>Cấp &amp;trên: nhận và tổng hợp kế hoạch của các phường</translation>
    </message>
    <message>
        <source>&amp;Explore with the sample plans first</source>
        <translation>&amp;Xem thử với các kế hoạch mẫu trước</translation>
    </message>
</context>
<context>
    <name>_Samples</name>
    <message>
        <source>The sample plans</source>
        <translation>Các kế hoạch mẫu</translation>
    </message>
    <message>
        <source>Three real ward documents, to look around and try things.</source>
        <translation>Ba văn bản thật của các phường, để xem qua và dùng thử.</translation>
    </message>
    <message>
        <source>Finish loads the 2024 plans of Phường Mỹ Phú and Phường Lê Lợi and the council resolution of Phường Lái Thiêu into this data folder. Change them freely. Your own unit is set up in a data folder of its own, empty: the user guide says how to start WardPlan on one (Help → User guide).</source>
        <translation>Bấm Hoàn tất để nạp vào thư mục dữ liệu này kế hoạch năm 2024 của Phường Mỹ Phú, Phường Lê Lợi và nghị quyết của Hội đồng nhân dân Phường Lái Thiêu. Có thể sửa tùy ý. Đơn vị của mình được thiết lập trong một thư mục dữ liệu riêng, còn trống: hướng dẫn sử dụng nói cách mở WardPlan trên thư mục đó (Trợ giúp → Hướng dẫn sử dụng).</translation>
    </message>
</context>
<context>
    <name>_Upper</name>
    <message>
        <source>Your office</source>
        <translation>Cơ quan của bạn</translation>
    </message>
    <message>
        <source>The wards&apos; files are addressed to this code.</source>
        <translation>Các phường gửi tệp đến mã này.</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
</context>
<context>
    <name>_Ward</name>
    <message>
        <source>Your ward</source>
        <translation>Đơn vị của bạn</translation>
    </message>
    <message>
        <source>As printed in the header of your documents.</source>
        <translation>Ghi như ở phần đầu các văn bản của đơn vị.</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Code (as the upper level knows you):</source>
        <translation>&amp;Mã đơn vị (theo cấp trên):</translation>
    </message>
    <message>
        <source>&amp;Place name in the date line:</source>
        <translation>Địa danh &amp;ghi ở dòng ngày tháng:</translation>
    </message>
    <message>
        <source>Upper level&apos;s n&amp;ame:</source>
        <translation>Tên đơn vị cấp t&amp;rên:</translation>
    </message>
    <message>
        <source>Upper level&apos;s c&amp;ode:</source>
        <translation>Mã đơn &amp;vị cấp trên:</translation>
    </message>
    <message>
        <source>Upper level&apos;s le&amp;vel:</source>
        <translation>Cấ&amp;p của cấp trên:</translation>
    </message>
    <message>
        <source>&amp;Signer:</source>
        <translation>Người &amp;ký:</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;position:</source>
        <translation>C&amp;hức vụ người ký:</translation>
    </message>
    <message>
        <source>First plan for the &amp;year:</source>
        <translation>Kế hoạch đầu tiên cho &amp;năm:</translation>
    </message>
</context>
</TS>
