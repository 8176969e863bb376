#pragma once
// Workbooks built by hand in a test, part by part, the way another program (LibreOffice, WPS)
// writes them, and hostile zips: any entry name, any content.
#include <minizip/zip.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openday::testing {

// Writes a zip with the given entries in order (deflated).
inline void write_zip(const std::filesystem::path& file, const std::vector<std::pair<std::string, std::string>>& entries) {
  zipFile zip = zipOpen64(file.c_str(), APPEND_STATUS_CREATE);
  if (!zip) throw std::runtime_error("cannot create " + file.string());
  for (const auto& [name, content] : entries) {
    zip_fileinfo info{};
    if (zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_BEST_SPEED, 1) != ZIP_OK ||
        zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())) != ZIP_OK || zipCloseFileInZip(zip) != ZIP_OK)
      throw std::runtime_error("cannot write " + name + " into " + file.string());
  }
  if (zipClose(zip, nullptr) != ZIP_OK) throw std::runtime_error("cannot close " + file.string());
}

// The parts of a minimal workbook in the shape LibreOffice Calc writes it: sheets named
// in workbook.xml, found through workbook.xml.rels; shared strings and styles beside them.
struct HandWorkbook {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, <sheetData> and after (the inner XML)
  std::vector<std::string> shared_strings;                   // each the inner XML of one <si>
  std::string styles_cell_xfs = R"(<xf numFmtId="0"/>)";
  std::string styles_num_fmts;

  std::vector<std::pair<std::string, std::string>> parts() const {
    const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                           R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
    const std::string rel_ns = R"(xmlns="http://schemas.openxmlformats.org/package/2006/relationships")";
    const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    std::vector<std::pair<std::string, std::string>> out;
    out.push_back({"[Content_Types].xml", R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"});
    out.push_back({"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships " + rel_ns + "><Relationship Id=\"rId1\" Type=\"" +
                                      type + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
    std::string workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook " + ns + "><workbookPr/><sheets>";
    std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships " + rel_ns + ">";
    rels += "<Relationship Id=\"rId1\" Type=\"" + type + "styles\" Target=\"styles.xml\"/>";
    rels += "<Relationship Id=\"rId2\" Type=\"" + type + "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const std::string n = std::to_string(i + 1);
      workbook += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" state=\"visible\" r:id=\"rId" + std::to_string(i + 3) + "\"/>";
      rels += "<Relationship Id=\"rId" + std::to_string(i + 3) + "\" Type=\"" + type + "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    }
    workbook += "</sheets></workbook>";
    rels += "</Relationships>";
    out.push_back({"xl/workbook.xml", workbook});
    out.push_back({"xl/_rels/workbook.xml.rels", rels});
    std::string strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst " + ns + " count=\"" + std::to_string(shared_strings.size()) +
                          "\" uniqueCount=\"" + std::to_string(shared_strings.size()) + "\">";
    for (const auto& s : shared_strings) strings += "<si>" + s + "</si>";
    strings += "</sst>";
    out.push_back({"xl/sharedStrings.xml", strings});
    out.push_back({"xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet " + ns + ">" +
                                        (styles_num_fmts.empty() ? "" : "<numFmts>" + styles_num_fmts + "</numFmts>") + "<cellXfs>" +
                                        styles_cell_xfs + "</cellXfs></styleSheet>"});
    for (std::size_t i = 0; i < sheets.size(); ++i)
      out.push_back({"xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " + ns + ">" + sheets[i].second + "</worksheet>"});
    return out;
  }

  void write(const std::filesystem::path& file) const { write_zip(file, parts()); }
};

}  // namespace openday::testing
