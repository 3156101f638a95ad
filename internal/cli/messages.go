package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// messages is every sentence the command line says itself, in English and
// Vietnamese: usage, errors, results. They are written and filled the way
// the pack's problems are (exhibit.ProblemKind: a text/template over named
// args, Render), so there is one way to say something in two languages;
// the problems of a pack come from exhibit.ProblemKinds, these from here.
// Sorted by Kind.
var messages = []exhibit.ProblemKind{
	{Kind: "already-running",
		En: "the exhibit is already running",
		Vi: "Trienlam đang chạy rồi"},
	{Kind: "args-count",
		En: "{{.command}} takes {{.takes}}, got {{.n}} arguments",
		Vi: "lệnh {{.command}} cần {{.takes}}, nhưng được cho {{.n}}"},
	{Kind: "built-in-pack",
		En: "the built-in pack",
		Vi: "gói có sẵn"},
	{Kind: "cannot-check-running",
		En: "cannot tell whether the exhibit is already running: {{.error}}",
		Vi: "không kiểm tra được Trienlam đã đang chạy hay chưa (chi tiết kỹ thuật: {{.error}})"},
	{Kind: "default-args",
		En: "default takes one exhibit id (see trienlam list)",
		Vi: "lệnh default cần đúng một mã triển lãm (xem: trienlam list)"},
	{Kind: "default-done",
		En: "{{.id}} now opens at start",
		Vi: "từ nay {{.id}} được mở khi khởi động"},
	{Kind: "default-failed",
		En: "default: {{.error}} (see trienlam list)",
		Vi: "default: không chọn được triển lãm này: {{.error}} (xem: trienlam list)"},
	{Kind: "error",
		En: "{{.error}}",
		Vi: "lỗi (chi tiết kỹ thuật: {{.error}})"},
	{Kind: "error-builtin-remove",
		En: "the built-in exhibit cannot be removed",
		Vi: "triển lãm có sẵn là một phần của chương trình nên không gỡ được"},
	{Kind: "error-exists",
		En: "it already exists",
		Vi: "tệp đã có sẵn"},
	{Kind: "error-not-exist",
		En: "no such file or directory",
		Vi: "không tìm thấy tệp hay thư mục này"},
	{Kind: "error-not-installed",
		En: "no installed exhibit has the id {{.id}}",
		Vi: "không có triển lãm đã cài nào mang mã {{.id}}"},
	{Kind: "error-not-pack",
		En: "not an exhibit pack: no pack.toml at its top",
		Vi: "đây không phải là gói triển lãm: không có tệp pack.toml ở ngay bên trong"},
	{Kind: "error-permission",
		En: "permission denied",
		Vi: "không có quyền đọc hoặc ghi ở đây"},
	{Kind: "export-pack-count-failed",
		En: "export-pack: exported, but cannot count the files written: {{.error}}",
		Vi: "export-pack: đã xuất gói nhưng không đếm được số tệp đã ghi: {{.error}}"},
	{Kind: "export-pack-done",
		En: "exported built-in pack to {{.dir}} ({{.n}} files)",
		Vi: "đã xuất gói có sẵn vào {{.dir}} ({{.n}} tệp)"},
	{Kind: "export-pack-failed",
		En: "export-pack: {{.error}}",
		Vi: "export-pack: không xuất được gói: {{.error}}"},
	{Kind: "export-pack-not-empty",
		En: "export-pack: {{.dir}} is not empty; nothing was written (choose a new or empty folder so no file is overwritten)",
		Vi: "export-pack: thư mục {{.dir}} không trống nên chưa ghi gì (hãy chọn một thư mục mới hoặc trống để không tệp nào bị ghi đè)"},
	{Kind: "export-pack-not-folder",
		En: "export-pack: {{.dir}} exists and is not a folder",
		Vi: "export-pack: {{.dir}} đã có và không phải là thư mục"},
	{Kind: "export-timeline-done",
		En: "exported {{.events}} events, {{.eras}} eras from {{.pack}} to {{.out}}",
		Vi: "đã xuất {{.events}} sự kiện, {{.eras}} thời kỳ từ {{.pack}} ra {{.out}}"},
	{Kind: "export-timeline-exists",
		En: "export-timeline: {{.out}} already exists; nothing was written (choose a new file name: trienlam never overwrites a file)",
		Vi: "export-timeline: tệp {{.out}} đã có nên chưa ghi gì (hãy chọn tên tệp mới: Trienlam không bao giờ ghi đè tệp)"},
	{Kind: "export-timeline-failed",
		En: "export-timeline: {{.error}}",
		Vi: "export-timeline: không xuất được dòng thời gian: {{.error}}"},
	{Kind: "export-timeline-json-failed",
		En: "export-timeline: {{.pack}}: {{.error}}; nothing was written",
		Vi: "export-timeline: {{.pack}}: không chuyển được dòng thời gian sang JSON nên chưa ghi gì ({{.error}})"},
	{Kind: "export-timeline-problems",
		En: "export-timeline: {{.pack}} has {{.n}} problems (listed above); what has a problem is left out of {{.out}}",
		Vi: "export-timeline: {{.pack}} có {{.n}} lỗi (liệt kê ở trên); phần bị lỗi không có trong {{.out}}"},
	{Kind: "export-timeline-template-done",
		En: "wrote the timeline template {{.out}}: fill it in Excel, then trienlam import-timeline {{.out}} --pack DIR",
		Vi: "đã ghi tệp mẫu dòng thời gian {{.out}}: hãy điền bằng Excel, rồi chạy trienlam import-timeline {{.out}} --pack THƯ-MỤC-GÓI"},
	{Kind: "export-timeline-template-no-pack",
		En: "export-timeline: --template writes an empty timeline; it takes no --pack",
		Vi: "export-timeline: --template ghi một dòng thời gian trống, không đi cùng --pack"},
	{Kind: "export-timeline-template-xlsx",
		En: "export-timeline: --template writes an Excel workbook; name it .xlsx, not {{.out}}",
		Vi: "export-timeline: --template ghi một bảng tính Excel; hãy đặt tên tệp có đuôi .xlsx, không phải {{.out}}"},
	{Kind: "flag-bad-syntax",
		En: "bad flag syntax: {{.flag}}",
		Vi: "tuỳ chọn viết sai: {{.flag}}"},
	{Kind: "flag-bad-value",
		En: "invalid value \"{{.value}}\" for flag {{.flag}}",
		Vi: "giá trị “{{.value}}” không dùng được cho {{.flag}}"},
	{Kind: "flag-main-help",
		En: "show this help",
		Vi: "hiện phần hướng dẫn này"},
	{Kind: "flag-main-kiosk",
		En: "start full screen in kiosk mode, for an unattended PC; restarted after a crash",
		Vi: "mở toàn màn hình ở chế độ ki-ốt, cho máy đặt ở phòng trưng bày không người trông; tự mở lại nếu gặp sự cố"},
	{Kind: "flag-main-pack",
		En: "open the exhibit pack at PATH (a folder or a .zip) instead of the built-in one",
		Vi: "mở gói triển lãm ở PATH (thư mục hoặc tệp .zip) thay cho gói có sẵn"},
	{Kind: "flag-main-presenter",
		En: "start in presenter mode, for a projector",
		Vi: "mở ở chế độ thuyết trình, cho máy chiếu"},
	{Kind: "flag-main-version",
		En: "print the version and exit",
		Vi: "in số phiên bản rồi thoát"},
	{Kind: "flag-needs-value",
		En: "flag needs an argument: {{.flag}}",
		Vi: "tuỳ chọn {{.flag}} cần một giá trị đi sau"},
	{Kind: "flag-pack-command",
		En: "the pack `PATH` (a folder or a .zip) {{.what}}; the built-in pack without it",
		Vi: "gói `PATH` (thư mục hoặc tệp .zip) {{.what}}; không ghi thì dùng gói có sẵn"},
	{Kind: "flag-pack-import",
		En: "the pack folder `DIR` to add {{.adds}} to (required)",
		Vi: "thư mục gói `DIR` để thêm {{.adds}} vào (bắt buộc)"},
	{Kind: "flag-replace",
		En: "replace an installed exhibit with the same id (the old one is kept in the library's .backup folder)",
		Vi: "thay triển lãm đã cài có cùng mã (bản cũ được giữ trong thư mục .backup của thư viện)"},
	{Kind: "flag-undefined",
		En: "flag provided but not defined: {{.flag}}",
		Vi: "không có tuỳ chọn {{.flag}}"},
	{Kind: "flags-heading",
		En: "Flags:",
		Vi: "Tuỳ chọn:"},
	{Kind: "help-args",
		En: "help takes at most one command name",
		Vi: "lệnh help chỉ nhận tối đa một tên lệnh"},
	{Kind: "how-shrunk",
		En: "{{.from}} shrunk to {{.to}}",
		Vi: "thu nhỏ từ {{.from}} còn {{.to}}"},
	{Kind: "how-unchanged",
		En: "{{.size}}, copied unchanged",
		Vi: "{{.size}}, chép nguyên bản"},
	{Kind: "how-upright",
		En: "turned upright",
		Vi: "đã xoay đứng"},
	{Kind: "how-webp",
		En: "WebP saved as JPEG",
		Vi: "ảnh WebP được lưu thành JPEG"},
	{Kind: "import-photos-bug",
		En: "import-photos: {{.n}} problems with the imported photos (a bug in Trienlam: please report it)",
		Vi: "import-photos: ảnh vừa nhập có {{.n}} lỗi (đây là lỗi của Trienlam: xin hãy báo lại)"},
	{Kind: "import-photos-done",
		En: "imported {{.n}} photos into {{.dir}} and added them to {{.manifest}}:",
		Vi: "đã nhập {{.n}} ảnh vào {{.dir}} và thêm vào {{.manifest}}:"},
	{Kind: "import-photos-failed",
		En: "import-photos: {{.error}}",
		Vi: "import-photos: lỗi khi ghi ảnh: {{.error}}"},
	{Kind: "import-photos-hidden",
		En: "hidden files not imported (their names start with a dot; rename one to import it): {{.files}}",
		Vi: "các tệp ẩn không được nhập (tên bắt đầu bằng dấu chấm; muốn nhập thì hãy đổi tên): {{.files}}"},
	{Kind: "import-photos-line",
		En: "  {{.name}} → {{.target}} (id {{.id}}; {{.how}})",
		Vi: "  {{.name}} → {{.target}} (mã {{.id}}; {{.how}})"},
	{Kind: "import-photos-none",
		En: "imported no photos; {{.manifest}} was not changed",
		Vi: "không nhập ảnh nào; {{.manifest}} không thay đổi"},
	{Kind: "import-photos-not-pack",
		En: "import-photos: --pack {{.dir}}: {{.error}} (is it a pack folder?)",
		Vi: "import-photos: --pack {{.dir}}: không đọc được pack.toml: {{.error}} (đây có phải thư mục gói không?)"},
	{Kind: "import-photos-read-failed",
		En: "import-photos: {{.dir}}: {{.error}}",
		Vi: "import-photos: không đọc được thư mục {{.dir}}: {{.error}}"},
	{Kind: "import-photos-refused",
		En: "import-photos: {{.n}} files were not imported (see the list above)",
		Vi: "import-photos: {{.n}} tệp không được nhập (xem danh sách ở trên)"},
	{Kind: "import-photos-rolled-back",
		En: "import-photos: nothing was imported (the photos written so far were removed)",
		Vi: "import-photos: không nhập ảnh nào (các ảnh đã ghi được đều đã xoá đi)"},
	{Kind: "import-photos-skipped",
		En: "skipped {{.n}}:",
		Vi: "bỏ qua {{.n}} tệp:"},
	{Kind: "import-photos-toml",
		En: "import-photos: {{.manifest}}: {{.error}}; nothing was written (run trienlam validate {{.dir}})",
		Vi: "import-photos: {{.manifest}} viết sai nên chưa ghi gì (hãy chạy trienlam validate {{.dir}}). (Chi tiết kỹ thuật: {{.error}})"},
	{Kind: "import-photos-write-captions",
		En: "captions are the file names for now: write real captions, credits and alt text in {{.manifest}}",
		Vi: "chú thích ảnh tạm thời là tên tệp: hãy viết chú thích, nguồn ảnh và mô tả ảnh thật trong {{.manifest}}"},
	{Kind: "import-timeline-bug",
		En: "import-timeline: the written timeline has {{.n}} problems (a bug in Trienlam: please report it with {{.src}})",
		Vi: "import-timeline: dòng thời gian vừa ghi có {{.n}} lỗi (đây là lỗi của Trienlam: xin hãy báo lại, kèm tệp {{.src}})"},
	{Kind: "import-timeline-cannot-edit",
		En: "import-timeline: {{.manifest}}: it sets the timeline in a way this command cannot edit; add file = \"timeline.toml\" under [timeline] by hand; nothing was written",
		Vi: "import-timeline: {{.manifest}} ghi dòng thời gian theo cách lệnh này không sửa được nên chưa ghi gì; hãy tự thêm file = \"timeline.toml\" dưới [timeline]"},
	{Kind: "import-timeline-done",
		En: "imported {{.events}} events, {{.eras}} eras into {{.target}}",
		Vi: "đã nhập {{.events}} sự kiện, {{.eras}} thời kỳ vào {{.target}}"},
	{Kind: "import-timeline-exists",
		En: "import-timeline: {{.target}} already exists; nothing was written (move it away or rename it, then run again: trienlam never overwrites a file)",
		Vi: "import-timeline: tệp {{.target}} đã có nên chưa ghi gì (hãy chuyển đi hoặc đổi tên tệp đó rồi chạy lại: Trienlam không bao giờ ghi đè tệp)"},
	{Kind: "import-timeline-failed",
		En: "import-timeline: {{.error}}",
		Vi: "import-timeline: lỗi khi ghi: {{.error}}"},
	{Kind: "import-timeline-manifest-added",
		En: "added [timeline] file = {{.file}} to {{.manifest}}",
		Vi: "đã thêm [timeline] file = {{.file}} vào {{.manifest}}"},
	{Kind: "import-timeline-named",
		En: "import-timeline: {{.manifest}} already names {{.current}} as the timeline; nothing was written (to use the imported timeline instead, delete the [timeline] table from pack.toml and run again)",
		Vi: "import-timeline: {{.manifest}} đã dùng {{.current}} làm dòng thời gian nên chưa ghi gì (muốn dùng dòng thời gian nhập vào thì hãy xoá bảng [timeline] khỏi pack.toml rồi chạy lại)"},
	{Kind: "import-timeline-no-events",
		En: "import-timeline: {{.src}} has no events; nothing was written",
		Vi: "import-timeline: {{.src}} không có sự kiện nào nên chưa ghi gì"},
	{Kind: "import-timeline-not-folder",
		En: "--pack {{.dir}}: not a folder; import-timeline writes into a pack folder (unzip a .zip pack first)",
		Vi: "--pack {{.dir}}: không phải thư mục; import-timeline ghi vào một thư mục gói (hãy giải nén gói .zip trước)"},
	{Kind: "import-timeline-problems",
		En: "import-timeline: {{.src}} has {{.n}} problems; nothing was written (fix them and run again)",
		Vi: "import-timeline: {{.src}} có {{.n}} lỗi nên chưa ghi gì (hãy sửa rồi chạy lại)"},
	{Kind: "import-timeline-toml",
		En: "import-timeline: {{.manifest}}: not valid TOML: {{.error}}",
		Vi: "import-timeline: {{.manifest}} viết sai quy tắc nên không đọc được; hãy chạy trienlam validate. (Chi tiết kỹ thuật: {{.error}})"},
	{Kind: "install-args",
		En: "install takes one exhibit: a folder, a .zip or a {{.ext}} file",
		Vi: "lệnh install cần đúng một triển lãm: một thư mục, một tệp .zip hoặc một tệp {{.ext}}"},
	{Kind: "install-backup",
		En: "the previous version is kept in {{.dir}}",
		Vi: "bản trước được giữ ở {{.dir}}"},
	{Kind: "install-done",
		En: "installed {{.id}} ({{.title}}) in {{.dir}}",
		Vi: "đã cài {{.id}} ({{.title}}) vào {{.dir}}"},
	{Kind: "install-exists",
		En: "{{.src}} is already installed as {{.id}} ({{.title}}); nothing was changed. To replace it (the old one is kept as a backup): trienlam install --replace {{.src}}",
		Vi: "{{.src}} đã được cài với mã {{.id}} ({{.title}}) nên không có gì thay đổi. Muốn thay bản mới (bản cũ được giữ lại): trienlam install --replace {{.src}}"},
	{Kind: "install-failed",
		En: "install: {{.error}}",
		Vi: "install: không cài được: {{.error}}"},
	{Kind: "install-problems",
		En: "it has {{.n}} problems: trienlam validate {{.dir}}",
		Vi: "triển lãm này có {{.n}} lỗi; xem bằng: trienlam validate {{.dir}}"},
	{Kind: "kiosk-and-presenter",
		En: "--kiosk and --presenter do not go together: kiosk mode is for an unattended PC, presenter mode for a projector",
		Vi: "--kiosk và --presenter không dùng cùng nhau: chế độ ki-ốt cho máy không người trông, chế độ thuyết trình cho máy chiếu"},
	{Kind: "kiosk-no-program",
		En: "kiosk mode cannot find its own program to supervise: {{.error}}",
		Vi: "chế độ ki-ốt không tìm thấy chính chương trình để theo dõi: {{.error}}"},
	{Kind: "library-failed",
		En: "{{.error}}",
		Vi: "không mở được thư viện triển lãm: {{.error}}"},
	{Kind: "list-args",
		En: "list takes no arguments",
		Vi: "lệnh list không nhận tham số nào"},
	{Kind: "list-built-in",
		En: "built in",
		Vi: "có sẵn"},
	{Kind: "list-footer",
		En: "* opens at start. Exhibits folder: {{.dir}}",
		Vi: "* được mở khi khởi động. Thư mục triển lãm: {{.dir}}"},
	{Kind: "list-problems",
		En: "{{.n}} problems",
		Vi: "{{.n}} lỗi"},
	{Kind: "list-unopenable",
		En: "cannot be opened: {{.error}}",
		Vi: "không mở được: {{.error}}"},
	{Kind: "no-gui",
		En: "this build has no graphical interface; try “trienlam help”",
		Vi: "bản dựng này không có giao diện đồ hoạ; hãy thử “trienlam help”"},
	{Kind: "note",
		En: "note: {{.note}}",
		Vi: "ghi chú: {{.note}}"},
	{Kind: "option-not-with-command",
		En: "--{{.flag}} starts the exhibit; it does not go with the {{.command}} command",
		Vi: "--{{.flag}} dùng để mở triển lãm, không đi cùng lệnh {{.command}}"},
	{Kind: "pack-after-command",
		En: "--pack before a command starts the exhibit; put it after the command: trienlam {{.command}} {{.args}}",
		Vi: "--pack đặt trước lệnh là để mở triển lãm; hãy đặt nó sau tên lệnh: trienlam {{.command}} {{.args}}"},
	{Kind: "pack-cannot-open",
		En: "the pack cannot be opened because of the problem above",
		Vi: "không mở được gói này vì lỗi nêu ở trên"},
	{Kind: "pack-missing-shown-builtin",
		En: "--pack {{.path}}: {{.why}}; the built-in exhibit is shown instead",
		Vi: "--pack {{.path}}: {{.why}}; đang trình bày triển lãm có sẵn thay thế"},
	{Kind: "pack-path-empty",
		En: "{{if .command}}{{.command}}: {{end}}--pack: the path is empty",
		Vi: "{{if .command}}{{.command}}: {{end}}--pack: đường dẫn đang để trống"},
	{Kind: "pack-required",
		En: "{{.command}}: --pack DIR is required: the pack folder to add {{.adds}} to",
		Vi: "{{.command}}: cần ghi --pack THƯ-MỤC: thư mục gói để thêm {{.adds}} vào"},
	{Kind: "path-empty",
		En: "{{.command}}: the {{.what}} path is empty",
		Vi: "{{.command}}: đường dẫn {{.what}} đang để trống"},
	{Kind: "path-not-folder",
		En: "{{.path}}: not a folder",
		Vi: "{{.path}}: không phải là thư mục"},
	{Kind: "path-problem",
		En: "{{.path}}: {{.why}}",
		Vi: "{{.path}}: {{.why}}"},
	{Kind: "photo-ext-mismatch",
		En: "{{.warning}}",
		Vi: "đuôi tên tệp không khớp với nội dung, thực ra đây là ảnh {{.format}} (chi tiết kỹ thuật: {{.warning}})"},
	{Kind: "place-chapter",
		En: "chapter {{.n}}{{if .title}} «{{.title}}»{{end}}{{if .intitle}} (title){{end}}",
		Vi: "chương {{.n}}{{if .title}} «{{.title}}»{{end}}{{if .intitle}} (tên chương){{end}}"},
	{Kind: "place-event",
		En: "timeline {{.date}}{{if .headline}} «{{.headline}}»{{end}}",
		Vi: "dòng thời gian {{.date}}{{if .headline}} «{{.headline}}»{{end}}"},
	{Kind: "place-photo",
		En: "picture {{.id}}",
		Vi: "ảnh {{.id}}"},
	{Kind: "remove-args",
		En: "remove takes one exhibit id (see trienlam list)",
		Vi: "lệnh remove cần đúng một mã triển lãm (xem: trienlam list)"},
	{Kind: "remove-done",
		En: "moved {{.id}} to {{.trash}} (nothing was deleted)",
		Vi: "đã chuyển {{.id}} vào {{.trash}} (không xoá gì)"},
	{Kind: "remove-failed",
		En: "remove: {{.error}}",
		Vi: "remove: không gỡ được: {{.error}}"},
	{Kind: "search-none",
		En: "nothing found for «{{.query}}» in {{.pack}}",
		Vi: "không tìm thấy «{{.query}}» trong {{.pack}}"},
	{Kind: "search-read-as",
		En: "results for «{{.query}}» (read as {{if eq .typing \"vni\"}}VNI{{else}}Telex{{end}} typing)",
		Vi: "kết quả cho «{{.query}}» (hiểu theo kiểu gõ {{if eq .typing \"vni\"}}VNI{{else}}Telex{{end}})"},
	{Kind: "search-words",
		En: "search: give the words to find, e.g. trienlam search chi kien",
		Vi: "search: hãy ghi các từ cần tìm, ví dụ trienlam search chi kien"},
	{Kind: "skip-damaged",
		En: "damaged: {{.error}}",
		Vi: "ảnh bị hỏng hoặc bị cắt cụt (chi tiết kỹ thuật: {{.error}})"},
	{Kind: "skip-exists",
		En: "exists: {{.target}} is already in the pack folder (not in pack.toml: add an entry by hand, or move the file away and run again)",
		Vi: "đã có: {{.target}} đã nằm trong thư mục gói (nhưng chưa có trong pack.toml: hãy tự thêm một mục, hoặc chuyển tệp đó đi rồi chạy lại)"},
	{Kind: "skip-folder",
		En: "a folder (import-photos does not look inside folders)",
		Vi: "là thư mục (import-photos không xem bên trong thư mục con)"},
	{Kind: "skip-id-taken",
		En: "already in pack.toml (a photo with id {{.id}})",
		Vi: "đã có trong pack.toml (ảnh mang mã {{.id}})"},
	{Kind: "skip-in-manifest",
		En: "already in pack.toml ({{.target}})",
		Vi: "đã có trong pack.toml ({{.target}})"},
	{Kind: "skip-not-image",
		En: "{{.error}}",
		Vi: "không phải ảnh JPEG, PNG hay WebP (chi tiết kỹ thuật: {{.error}})"},
	{Kind: "skip-not-regular",
		En: "not a regular file",
		Vi: "không phải tệp thường"},
	{Kind: "skip-too-large",
		En: "too large: {{.error}}",
		Vi: "ảnh quá lớn: hãy thu nhỏ ảnh (chi tiết kỹ thuật: {{.error}})"},
	{Kind: "skip-unreadable",
		En: "could not be read: {{.error}}",
		Vi: "không đọc được (chi tiết kỹ thuật: {{.error}})"},
	{Kind: "summary-default",
		En: "choose the exhibit that opens at start (a plain start, kiosk mode and the autostart entry alike)",
		Vi: "chọn triển lãm được mở khi khởi động (khi mở bình thường, ở chế độ ki-ốt và khi tự khởi động cùng máy)"},
	{Kind: "summary-export-pack",
		En: "write the built-in pack into DIR, a new or empty folder, as a starting point for a new pack",
		Vi: "ghi gói có sẵn vào DIR (một thư mục mới hoặc trống) để làm điểm xuất phát cho một gói mới"},
	{Kind: "summary-export-timeline",
		En: "write the timeline of a pack (the built-in pack without --pack) as TimelineJS3 JSON, or an empty Excel template to fill in",
		Vi: "ghi dòng thời gian của một gói (gói có sẵn nếu không có --pack) thành tệp JSON TimelineJS3, hoặc một tệp mẫu Excel trống để điền"},
	{Kind: "summary-help",
		En: "show this help, or a command's",
		Vi: "hiện phần hướng dẫn này, hoặc hướng dẫn của một lệnh"},
	{Kind: "summary-import-photos",
		En: "copy the JPEG, PNG and WebP photos of DIR into the pack folder PACK (shrunk to 2560 px, turned upright) and add them to its pack.toml",
		Vi: "chép các ảnh JPEG, PNG và WebP trong DIR vào thư mục gói PACK (thu nhỏ còn 2560 px, xoay đứng) và thêm chúng vào pack.toml của gói"},
	{Kind: "summary-import-timeline",
		En: "convert a TimelineJS3 timeline (JSON, or an Excel/CSV sheet in its template's columns) into DIR/timeline.toml of the pack folder DIR",
		Vi: "chuyển một dòng thời gian TimelineJS3 (JSON, hoặc bảng tính Excel/CSV theo các cột của tệp mẫu) thành DIR/timeline.toml của thư mục gói DIR"},
	{Kind: "summary-install",
		En: "add an exhibit (a .trienlam or .zip file, or a pack folder) to this PC's exhibit library, copied so it stays when the USB stick is removed",
		Vi: "thêm một triển lãm (tệp .trienlam, .zip hoặc thư mục gói) vào thư viện triển lãm của máy; triển lãm được chép vào máy nên vẫn còn khi rút USB"},
	{Kind: "summary-list",
		En: "list the exhibit library: the built-in exhibit and the installed ones; * marks the one that opens at start",
		Vi: "liệt kê thư viện triển lãm: triển lãm có sẵn và các triển lãm đã cài; dấu * đánh dấu triển lãm được mở khi khởi động"},
	{Kind: "summary-remove",
		En: "move an installed exhibit to the library's trash folder (nothing is deleted)",
		Vi: "chuyển một triển lãm đã cài vào thư mục rác của thư viện (không xoá gì)"},
	{Kind: "summary-search",
		En: "search a pack (the built-in pack without --pack) as the exhibit's search screen does and print the results, best first, one per line; \"quotes\" ask for the exact phrase",
		Vi: "tìm trong một gói (gói có sẵn nếu không có --pack) như màn hình tìm kiếm của triển lãm, in kết quả khớp nhất trước, mỗi kết quả một dòng; đặt trong \"ngoặc kép\" để tìm đúng cụm từ"},
	{Kind: "summary-validate",
		En: "check a pack folder or .zip (the built-in pack if no PATH) and list its problems",
		Vi: "kiểm tra một thư mục gói hoặc tệp .zip (gói có sẵn nếu không ghi PATH) và liệt kê các lỗi"},
	{Kind: "summary-version",
		En: "print the version",
		Vi: "in số phiên bản"},
	{Kind: "summary-zip",
		En: "write a pack (a folder, a .zip, or an installed exhibit's id) as one .trienlam file to share on a USB stick",
		Vi: "ghi một gói (thư mục, tệp .zip hoặc mã của một triển lãm đã cài) thành một tệp .trienlam để chép sang USB"},
	{Kind: "supervised-only-kiosk",
		En: "--supervised is used only by --kiosk",
		Vi: "--supervised chỉ được dùng bên trong --kiosk"},
	{Kind: "takes-one-folder",
		En: "one folder",
		Vi: "đúng một thư mục"},
	{Kind: "takes-one-output",
		En: "one output file",
		Vi: "đúng một tệp để ghi ra"},
	{Kind: "takes-one-photo-folder",
		En: "one folder of photos",
		Vi: "đúng một thư mục ảnh"},
	{Kind: "takes-one-timeline",
		En: "one timeline file (TimelineJS .json, or .xlsx/.csv in its sheet columns)",
		Vi: "đúng một tệp dòng thời gian (.json của TimelineJS, hoặc .xlsx/.csv theo các cột của tệp mẫu)"},
	{Kind: "the-photos",
		En: "the photos",
		Vi: "các ảnh"},
	{Kind: "the-timeline",
		En: "the timeline",
		Vi: "dòng thời gian"},
	{Kind: "timeline-too-large",
		En: "larger than {{.limit}} MiB, far more than a timeline; is it the right file?",
		Vi: "tệp lớn hơn {{.limit}} MiB, quá lớn so với một dòng thời gian; hãy kiểm tra lại có đúng tệp không"},
	{Kind: "to-search",
		En: "to search",
		Vi: "để tìm"},
	{Kind: "unknown-command",
		En: "unknown command {{.name}}",
		Vi: "không có lệnh {{.name}}; xem các lệnh bằng: trienlam help"},
	{Kind: "usage-command",
		En: "Usage: trienlam {{.synopsis}}\n\n{{.summary}}.\n",
		Vi: "Cách dùng: trienlam {{.synopsis}}\n\n{{.summary}}.\n"},
	{Kind: "usage-main-end",
		En: "\nRun \"trienlam help COMMAND\" for more about a command.\nExit status: 0 success; 1 the pack has problems or the command failed;\n2 bad arguments or a pack that cannot be read.\n",
		Vi: "\nXem thêm về một lệnh: trienlam help LỆNH\nMã thoát: 0 thành công; 1 gói có lỗi hoặc lệnh không làm được;\n2 tham số sai hoặc không đọc được gói.\n"},
	{Kind: "usage-main-start",
		En: "Trienlam {{.version}} shows an exhibit pack: chapters, photos, narration and a timeline.\n\nUsage:\n  trienlam [--pack PATH] [--kiosk | --presenter]\n                                    start the exhibit: the start exhibit of the library\n                                    (trienlam default ID; the built-in one unless chosen)\n                                    without --pack\n  trienlam FILE.trienlam            open an exhibit file (what a double click does; a\n                                    running exhibit is handed the file)\n  trienlam COMMAND [ARGUMENTS]\n\nCommands:\n",
		Vi: "Trienlam {{.version}} trình bày một gói triển lãm: các chương, ảnh, lời thuyết minh và dòng thời gian.\n\nCách dùng:\n  trienlam [--pack PATH] [--kiosk | --presenter]\n                                    mở triển lãm: không có --pack thì mở triển lãm khởi động\n                                    của thư viện (chọn bằng trienlam default ID; nếu chưa\n                                    chọn thì là triển lãm có sẵn)\n  trienlam FILE.trienlam            mở một tệp triển lãm (như khi nhấp đúp; nếu triển lãm\n                                    đang chạy thì tệp được chuyển cho nó)\n  trienlam COMMAND [ARGUMENTS]\n\nCác lệnh:\n"},
	{Kind: "validate-args",
		En: "validate takes one pack path, got {{.n}} arguments",
		Vi: "lệnh validate cần đúng một đường dẫn gói, nhưng được cho {{.n}}"},
	{Kind: "validate-path-empty",
		En: "validate: the path is empty",
		Vi: "validate: đường dẫn đang để trống"},
	{Kind: "version-args",
		En: "version takes no arguments",
		Vi: "lệnh version không nhận tham số nào"},
	{Kind: "what-file",
		En: "file",
		Vi: "tệp"},
	{Kind: "what-folder",
		En: "folder",
		Vi: "thư mục"},
	{Kind: "what-output-file",
		En: "output file",
		Vi: "tệp ghi ra"},
	{Kind: "whose-timeline",
		En: "whose timeline to write",
		Vi: "có dòng thời gian cần ghi ra"},
	{Kind: "zip-args",
		En: "zip takes a pack (a folder, a .zip or an installed exhibit's id) and the {{.ext}} file to write",
		Vi: "lệnh zip cần một gói (thư mục, tệp .zip hoặc mã triển lãm đã cài) và tên tệp {{.ext}} để ghi ra"},
	{Kind: "zip-done",
		En: "wrote {{.out}}",
		Vi: "đã ghi {{.out}}"},
	{Kind: "zip-failed",
		En: "zip: {{.error}}",
		Vi: "zip: không ghi được tệp: {{.error}}"},
	{Kind: "zip-no-such",
		En: "{{.src}}: {{.why}}, and no installed exhibit has that id",
		Vi: "{{.src}}: {{.why}}, và cũng không có triển lãm đã cài nào mang mã này"},
}

// messageIndex finds a message's entry in messages.
var messageIndex = func() map[string]*exhibit.ProblemKind {
	m := make(map[string]*exhibit.ProblemKind, len(messages))
	for i := range messages {
		m[messages[i].Kind] = &messages[i]
	}
	return m
}()

// text says the message kind in the user's language, filled from args,
// given as name, value pairs. An unknown kind or a missing arg is a bug the
// tests catch; the kind and args are printed then rather than nothing.
func (e *env) text(kind string, args ...string) string {
	m := make(map[string]string, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		m[args[i]] = args[i+1]
	}
	if k, ok := messageIndex[kind]; ok {
		if s, err := k.Render(e.lang, m); err == nil {
			return s
		}
	}
	return fmt.Sprintf("[%s %q]", kind, args)
}

// fail prints the message kind as a "trienlam: …" error line to stderr.
func (e *env) fail(kind string, args ...string) {
	fmt.Fprintf(e.stderr, "trienlam: %s\n", e.text(kind, args...))
}

// say prints the message kind as a line of the command's output.
func (e *env) say(kind string, args ...string) {
	fmt.Fprintln(e.stdout, e.text(kind, args...))
}

// errText says an error of the system or of a package in the user's
// language: the common causes in words, anything else as a technical
// detail (in English, as the system gave it).
func (e *env) errText(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return e.text("error-not-exist")
	case errors.Is(err, fs.ErrPermission):
		return e.text("error-permission")
	case errors.Is(err, fs.ErrExist):
		return e.text("error-exists")
	case errors.Is(err, library.ErrBuiltinRemove):
		return e.text("error-builtin-remove")
	case errors.Is(err, library.ErrNotPack):
		return e.text("error-not-pack")
	}
	var ni *library.NotInstalledError
	if errors.As(err, &ni) {
		return e.text("error-not-installed", "id", strconv.Quote(ni.ID))
	}
	return e.text("error", "error", shorten(err.Error()))
}

// packErrText says why a pack could not be read, installed or zipped: in
// Vietnamese through exhibit.OpenErrorText (a damaged zip, another kind of
// archive, a missing file), with anything it does not know as a technical
// detail.
func (e *env) packErrText(err error) string {
	if e.lang == "en" {
		return shorten(err.Error())
	}
	if errors.Is(err, library.ErrNotPack) {
		return e.errText(err)
	}
	if t := exhibit.OpenErrorText(err, nil, e.lang); t != err.Error() {
		return shorten(t)
	}
	return e.errText(err)
}

// flagError says an error of the flag package in the user's language.
func (e *env) flagError(err error) string {
	msg := err.Error()
	for _, f := range []struct{ prefix, kind string }{
		{"flag provided but not defined: ", "flag-undefined"},
		{"flag needs an argument: ", "flag-needs-value"},
		{"bad flag syntax: ", "flag-bad-syntax"},
	} {
		if name, ok := strings.CutPrefix(msg, f.prefix); ok {
			return e.text(f.kind, "flag", shorten(name))
		}
	}
	// invalid value "x" for flag -pack: …
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, name, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ = strings.Cut(name, ":")
			return e.text("flag-bad-value", "value", shorten(strings.Trim(value, `"`)), "flag", name)
		}
	}
	return e.text("error", "error", shorten(msg))
}

// AlreadyRunning is what the program says, in the user's language, when a
// second start finds the exhibit already running.
func AlreadyRunning() string { return (&env{lang: userLanguage()}).text("already-running") }

// CannotCheckRunning is what the program says, in the user's language,
// when it cannot tell whether the exhibit is already running (err).
func CannotCheckRunning(err error) string {
	return (&env{lang: userLanguage()}).text("cannot-check-running", "error", err.Error())
}
