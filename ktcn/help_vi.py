"""The command-line help in Vietnamese.

The English help lives next to each command in `ktcn.cli` (docstrings and
`help=`); this is its Vietnamese twin, shown when the command line speaks
Vietnamese (`ktcn.language`: --lang, KTCN_LANG, the workspace's `language:`,
the locale).  A test fails when a command or an option has no entry here, and
another when the Vietnamese help holds an English word.
"""

from __future__ import annotations

APP = "ktcn: chương trình, nhiệm vụ và thời hạn của Sở KH&CN hoặc Liên hiệp Hội, lưu bằng YAML trong git."

COMMANDS: dict[str, str] = {
    "validate": "Kiểm tra mọi hồ sơ theo định dạng; in đường-dẫn:dòng:cột: mức MÃ thông báo (gợi ý).\n\n"
                "Luôn đọc cả kho hồ sơ để kiểm tra tham chiếu giữa các tệp; các ĐƯỜNG-DẪN (do công cụ kiểm tra"
                " trước khi ghi vào git truyền vào) chỉ thu hẹp phần được báo.\n\n"
                "Ví dụ:  ktcn validate --records records --strict",
    "status": "Tình hình chung: số liệu theo từng chương trình, tiến độ, việc quá hạn và việc sắp đến hạn.\n\n"
              "Ví dụ:  ktcn status --as-of 2025-12-31 --by agency",
    "overdue": "Mọi kỳ quá hạn: thời hạn, số ngày trễ, nhiệm vụ, cơ quan chủ trì, ghi chú gần nhất.\n\n"
               "Ví dụ:  ktcn overdue --agency skhcn-cantho --fail",
    "upcoming": "Các kỳ đến hạn trong N ngày tới, sớm nhất trước.\n\nVí dụ:  ktcn upcoming --days 30",
    "show": "Một chương trình hoặc nhiệm vụ: thông tin, thời hạn bằng lời, từng kỳ với tình trạng, nhật ký tiến độ.\n\n"
            "Ví dụ:  ktcn show kh-231-2024/iii-2 --as-of 2025-12-01",
    "report": "Lập báo cáo: năm (--year), 6 tháng (--half), một khoảng thời gian, hoặc tổng kết một chương trình.\n\n"
              "Ví dụ:  ktcn report --year 2025 --format docx -o bao-cao-2025.docx",
    "update": "Ghi thêm một cập nhật vào nhật ký tiến độ của nhiệm vụ; phần còn lại của tệp giữ nguyên từng ký tự.\n\n"
              "Tệp mới được kiểm tra trước khi thay tệp cũ: cập nhật làm phát sinh lỗi sẽ bị từ chối và tệp giữ"
              " nguyên.\n\nVí dụ:  ktcn update kh-231-2024/9 --status done --evidence \"Quyết định 1234/QĐ-UBND\""
              " --date 2025-06-30",
    "import": "Đọc bảng nhiệm vụ của một kế hoạch (tệp Word, Excel hoặc CSV) thành một tệp chương trình mới.\n\n"
              "Các cột được nhận theo tên, cụm từ thời gian thành lịch thực hiện, tên cơ quan thành mã; ô nào không"
              " đọc được thì được chỉ ra, không đoán. Không bao giờ ghi đè tệp đã có.\n\n"
              "Ví dụ:  ktcn import phu-luc-231.docx --dry-run",
    "init": "Tạo kho hồ sơ: ktcn.yaml, agencies.yaml, một chương trình mẫu, cấu hình kiểm tra tự động trước mỗi lần"
            " ghi vào git, .gitignore.\n\n"
            "Không ghi đè: nếu đã có bất kỳ tệp nào trong số đó thì không ghi gì.\n\n"
            "Ví dụ:  ktcn init ho-so && cd ho-so && ktcn status",
    "schema": "In lược đồ JSON (chuẩn 2020-12) của tệp chương trình, agencies.yaml hoặc ktcn.yaml.\n\n"
              "Trình soạn thảo dùng nó để gợi ý và kiểm tra trường khi gõ; xem README.\n\n"
              "Ví dụ:  ktcn schema programme -o schemas/programme.schema.json",
    "calendar": "Xuất các thời hạn thành tệp lịch iCalendar (RFC 5545): mỗi thời hạn một việc cần làm, kèm tình trạng."
                "\n\nNhập vào Thunderbird, Outlook hoặc điện thoại.\n\n"
                "Ví dụ:  ktcn calendar --agency skhcn-cantho -o han-chot.ics",
    "holidays": "Các ngày nghỉ và ngày làm bù của một năm, và mỗi ngày lấy từ đâu (lịch nghỉ lễ của Việt Nam trong"
                " gói holidays, hoặc ktcn.yaml).\n\n"
                "Với deadline_rule: civil-code, thời hạn rơi vào ngày nghỉ được lùi sang ngày làm việc tiếp theo.\n\n"
                "Ví dụ:  ktcn holidays --year 2026",
    "find": "Tìm chương trình, nhiệm vụ, cập nhật (ghi chú, minh chứng) và cơ quan theo từ, không cần gõ dấu.\n\n"
            "\"chuyen doi so\" tìm được \"chuyển đổi số\"; mỗi kết quả có mã để dùng với ktcn show (hoặc --agency)."
            "\n\nVí dụ:  ktcn find \"chuyen doi so\"",
    "diff": "Thay đổi của hồ sơ nói bằng lời: nhiệm vụ thêm hay bớt, thời hạn bị dời, cập nhật mới, tình trạng thay"
            " đổi, và các cờ người duyệt cần xem.\n\nMặc định: HEAD so với bản đang sửa.\n\n"
            "Ví dụ:  ktcn diff main..feature --format md --fail-on-flags",
    "site": "Tạo trang web tĩnh của hồ sơ: tổng quan, mỗi chương trình, nhiệm vụ và cơ quan một trang, việc quá hạn"
            " và sắp đến hạn, biểu đồ, tìm kiếm.\n\n"
            "Không cần máy chủ, không tải gì từ mạng: mở index.html, hoặc đưa thư mục lên GitLab Pages, GitHub Pages"
            " hay máy chủ web nội bộ (xem README).\n\n"
            "Ví dụ:  ktcn site -o public --as-of 2025-12-31",
}

# One line each for the list of commands in `ktcn --help` (Click would cut the first sentence with '...').
SHORT: dict[str, str] = {
    "validate": "Kiểm tra hồ sơ; báo lỗi kèm dòng, cột và gợi ý sửa.",
    "status": "Tình hình chung: số liệu, tiến độ, quá hạn, sắp đến hạn.",
    "overdue": "Mọi kỳ quá hạn chưa hoàn thành.",
    "upcoming": "Các kỳ đến hạn trong N ngày tới.",
    "show": "Một chương trình hoặc nhiệm vụ, từng kỳ và nhật ký.",
    "find": "Tìm theo từ, không cần gõ dấu.",
    "report": "Lập báo cáo năm, 6 tháng, một kỳ hoặc tổng kết.",
    "update": "Ghi thêm một cập nhật vào nhật ký tiến độ.",
    "import": "Đọc bảng nhiệm vụ của một kế hoạch thành tệp hồ sơ.",
    "init": "Tạo kho hồ sơ mới.",
    "schema": "In lược đồ JSON của các tệp hồ sơ.",
    "calendar": "Xuất các thời hạn thành tệp lịch.",
    "holidays": "Các ngày nghỉ lễ và ngày làm bù của một năm.",
    "site": "Tạo trang web tĩnh của hồ sơ.",
    "diff": "Thay đổi của hồ sơ giữa hai phiên bản, nói bằng lời.",
}

OPTIONS: dict[str, str] = {
    "revisions": "Hai phiên bản A..B, hoặc một phiên bản để so với bản đang sửa.",
    "staged": "So HEAD với những gì đã đưa vào chỉ mục của git, chuẩn bị ghi.",
    "fail_on_flags": "Thoát với mã 1 khi có cờ cần xem xét (để kiểm tra tự động yêu cầu hợp nhất trong CI).",
    "version": "In phiên bản rồi thoát.",
    "install_completion": "Cài tự hoàn thành lệnh cho trình dòng lệnh đang dùng.",
    "show_completion": "In đoạn tự hoàn thành lệnh cho trình dòng lệnh đang dùng.",
    "records": "Thư mục hồ sơ (mặc định: $KTCN_RECORDS, ktcn.yaml gần nhất ở thư mục cha, hoặc ./records).",
    "as_of": "Tính mọi tình trạng tại ngày này (mặc định: hôm nay).",
    "no_cache": "Đọc lại mọi tệp; không dùng và không ghi bộ nhớ đệm theo tệp.",
    "lang": "Ngôn ngữ của nhãn và thông báo (mặc định: theo ktcn.yaml).",
    "output_format": "Định dạng đầu ra.",
    "programme": "Chỉ chương trình này (dùng nhiều lần được).",
    "agency": "Chỉ các nhiệm vụ do cơ quan này chủ trì.",
    "include_all": "Tính cả văn bản dự thảo, đã kết thúc hoặc đã thay thế.",
    "paths": "Chỉ báo về các tệp hoặc thư mục này.",
    "strict": "Cảnh báo cũng làm lệnh thất bại (mã thoát 1).",
    "status.by": "'agency': bảng tổng hợp theo cơ quan chủ trì.",
    "update.by": "Mã cơ quan báo cáo.",
    "fail": "Thoát với mã 1 khi có việc quá hạn (để nhắc việc trong CI).",
    "days": "Xem trước bao nhiêu ngày (mặc định: warn_days).",
    "reference": "Mã chương trình hoặc chương-trình/nhiệm-vụ, ví dụ kh-231-2024/9.",
    "year": "Năm báo cáo.",
    "holidays.year": "Năm cần liệt kê (mặc định: năm của --as-of, hoặc năm nay).",
    "half": "Nửa năm (sơ kết 6 tháng): 1 hoặc 2.",
    "start": "Ngày đầu của kỳ báo cáo tự chọn.",
    "end": "Ngày cuối của kỳ báo cáo tự chọn.",
    "template": "bao-cao-nam, so-ket-6-thang, tong-ket, hoặc đường dẫn tới tệp .j2.",
    "output": "Ghi vào tệp này (mặc định: màn hình).",
    "narrative": "Tệp Markdown chứa các phần do cơ quan tự viết.",
    "allow_errors": "Vẫn lập báo cáo khi hồ sơ còn lỗi; mục I của báo cáo sẽ ghi các tệp bị lỗi.",
    "report_date": "Ngày ghi ở dòng địa danh, ngày tháng (mặc định: ngày tính tình trạng).",
    "status_value": "Tình trạng mới: in-progress, done hoặc cancelled.",
    "progress": "Phần trăm đã hoàn thành.",
    "note": "Nội dung đã thực hiện.",
    "appendix": "Mỗi dòng của phụ lục là một nhiệm vụ (tasks) hay một lượt thực hiện (occurrences).",
    "evidence": "Văn bản minh chứng (dùng nhiều lần được).",
    "on": "Ngày của cập nhật (mặc định: hôm nay).",
    "period": "Kỳ mà cập nhật này thuộc về, ví dụ 2025-H1.",
    "extend_to": "Gia hạn: thời hạn mới.",
    "dry_run": "In phần thay đổi của tệp (từng dòng thêm, bớt); không ghi gì.",
    "text": "Các từ cần tìm; có dấu hay không, chữ hoa hay thường đều được.",
    "limit": "Chỉ hiện tối đa N kết quả (0: tất cả; mặc định 20).",
    "folder": "Nơi tạo kho hồ sơ (mặc định: thư mục hiện tại).",
    "kind": "Lược đồ của loại tệp nào: programme, agencies hoặc settings.",
    "site.output": "Thư mục của trang web (tạo mới nếu chưa có; lần tạo lại chỉ ghi những tệp đã thay đổi).",
    "site.days": "Trang sắp đến hạn xem trước bao nhiêu ngày (mặc định: warn_days).",
    "site.changes": "Số lần ghi vào git gần nhất mà trang thay đổi nói tới, khi hồ sơ nằm trong git (0: không có"
                    " trang này).",
    "import.file": "Bảng nhiệm vụ của kế hoạch: tệp .docx, .xlsx hoặc .csv.",
    "import.output": "Nơi ghi tệp chương trình (mặc định: programmes/MÃ.yaml).",
    "import.dry_run": "In tệp chương trình ra màn hình; không ghi gì.",
    "import.table": "Chỉ đọc bảng thứ N của tệp Word (mặc định: mọi bảng nhiệm vụ).",
    "import.sheet": "Trang tính của tệp Excel, theo tên hoặc số thứ tự (mặc định: trang đầu tiên có bảng nhiệm vụ).",
    "import.columns": "Nêu cột nào là cột nào thay vì đọc hàng tiêu đề: number, title, lead, support, schedule,"
                      " product, note (hoặc tt, noi-dung, chu-tri, phoi-hop, thoi-gian, san-pham, ghi-chu);"
                      " cột ghi bằng số 1, 2... hoặc chữ A, B...",
    "import.programme_id": "Mã của chương trình (mặc định: loại-số-năm, ví dụ kh-231-2024).",
    "import.number": "Số, ký hiệu của văn bản, ví dụ 231/KH-UBND.",
    "import.doc_type": "Mã loại văn bản: KH, CTr, CV, QĐ...",
    "import.title": "Tên (trích yếu) của văn bản.",
    "import.issued": "Ngày ban hành.",
    "import.issuer": "Cơ quan ban hành, bằng mã hoặc tên (dùng nhiều lần được).",
    "import.period": "Thời gian của chương trình, ví dụ 2024..2030.",
    "import.add_agencies": "Ghi thêm vào agencies.yaml các cơ quan chưa có.",
}
