<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <source>Welcome to WardPlan Desktop</source>
        <translation>Chào mừng đến với WardPlan Desktop</translation>
    </message>
    <message>
        <source>There are no plans yet. Load three sample ward plans to look around? You can delete them later.</source>
        <translation>Chưa có kế hoạch nào. Nạp ba kế hoạch mẫu của các phường để xem thử? Có thể xóa chúng sau.</translation>
    </message>
    <message>
        <source>Load sample plans</source>
        <translation>Nạp kế hoạch mẫu</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Bắt đầu với dữ liệu trống</translation>
    </message>
    <message>
        <source>WardPlan Desktop</source>
        <translation>WardPlan Desktop</translation>
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
    <name>MainWindow</name>
    <message>
        <source>WardPlan Desktop</source>
        <translation>WardPlan Desktop</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
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
        <source>Import plan file</source>
        <translation>Nhập tệp kế hoạch</translation>
    </message>
    <message>
        <source>Plan files (*.json)</source>
        <translation>Tệp kế hoạch (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất tệp</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Đã ghi {path}</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <source>Unit</source>
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
        <source>Council resolution</source>
        <translation>Nghị quyết HĐND</translation>
    </message>
    <message>
        <source>Emulation plan</source>
        <translation>Kế hoạch thi đua</translation>
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
</TS>
