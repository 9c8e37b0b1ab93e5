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
        <source>upper level: which units have sent their plan for a year</source>
        <translation>cấp trên: những đơn vị nào đã gửi kế hoạch của một năm</translation>
    </message>
    <message>
        <source>upper level: every unit&apos;s values side by side, as an Excel workbook</source>
        <translation>cấp trên: số liệu của mọi đơn vị đặt cạnh nhau, dạng bảng tính Excel</translation>
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
        <source>Wrote {path}: key {key}, content {hash}{encrypted}.</source>
        <translation>Đã ghi {path}: khóa {key}, mã nội dung {hash}{encrypted}.</translation>
    </message>
    <message>
        <source>, encrypted for the upper level</source>
        <translation>, đã mã hóa cho cấp trên</translation>
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
        <source>The file {path} comes from {unit} ({code}), which is not registered here. Register the unit, or accept it explicitly.</source>
        <translation>Tệp {path} đến từ {unit} ({code}), đơn vị chưa được đăng ký tại đây. Hãy đăng ký đơn vị, hoặc xác nhận chấp nhận đơn vị này.</translation>
    </message>
    <message>
        <source>The file {path} from {code} is signed with key {found}, but this office knows {code} by key {pinned}. It may not come from {code}. If {code} really changed computers, an officer must confirm the new key explicitly.</source>
        <translation>Tệp {path} của {code} được ký bằng khóa {found}, nhưng cơ quan này ghi nhận {code} với khóa {pinned}. Tệp có thể không phải do {code} gửi. Nếu {code} thực sự đã đổi máy tính, cán bộ phải xác nhận khóa mới.</translation>
    </message>
    <message>
        <source>The file {path} holds revision {revision} of {code}&apos;s plan for {year}, older than revision {held} already received; nothing was changed.</source>
        <translation>Tệp {path} chứa lần sửa {revision} kế hoạch năm {year} của {code}, cũ hơn lần sửa {held} đã nhận; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The file {path} holds revision {revision} of {code}&apos;s plan for {year} with content different from the revision {revision} already received. Ask {code} to export the plan again.</source>
        <translation>Tệp {path} chứa lần sửa {revision} kế hoạch năm {year} của {code} nhưng nội dung khác với lần sửa {revision} đã nhận. Hãy đề nghị {code} xuất lại kế hoạch.</translation>
    </message>
    <message>
        <source>Already received: revision {revision} of {code}&apos;s plan for {year}; nothing changed.</source>
        <translation>Đã nhận trước đó: lần sửa {revision} kế hoạch năm {year} của {code}; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The file {path} is empty.</source>
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
        <source>Imported {count} files</source>
        <translation>Đã nhập {count} tệp</translation>
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
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive files</source>
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
        <source>Nothing is changed until you press Import.</source>
        <translation>Chưa có gì thay đổi cho đến khi bấm Nhập.</translation>
    </message>
    <message>
        <source>This data folder holds nothing yet. Importing makes it the data folder of the upper level {name} ({code}).</source>
        <translation>Thư mục dữ liệu này chưa có gì. Khi nhập, thư mục sẽ trở thành thư mục dữ liệu của cấp trên {name} ({code}).</translation>
    </message>
</context>
</TS>
