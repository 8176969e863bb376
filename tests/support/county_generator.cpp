#include "support/county_generator.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/utf8.h"
#include "support/county_hanzi.h"

namespace openday::testing {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr int kMaxItemsPerDepartment = 300;  // the validator's limit, and the heaviest list
constexpr int kLargestFeeTable = 100;

// splitmix64: small, fast, and the same sequence on every platform and standard library
// (std::uniform_int_distribution is not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [low, high].
  int between(int low, int high) { return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1)); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename T>
  const T& pick(const std::vector<T>& values) { return values[next() % values.size()]; }

 private:
  std::uint64_t state_;
};

std::vector<std::string> code_points_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = 0;
    const std::size_t length = decode_code_point(text, pos, c);
    if (length == 0) break;
    out.emplace_back(text.substr(pos, length));
    pos += length;
  }
  return out;
}

// The first max_chars code points of text, without a trailing comma or enumeration mark.
std::string clipped(const std::string& text, std::size_t max_chars) {
  std::vector<std::string> chars = code_points_of(text);
  if (chars.size() <= max_chars) return text;
  chars.resize(max_chars);
  while (!chars.empty() && (chars.back() == "，" || chars.back() == "、" || chars.back() == "；")) chars.pop_back();
  std::string out;
  for (const auto& c : chars) out += c;
  return out;
}

std::size_t length_of(const std::string& text) { return count_code_points(text); }

// Joins its parts. The elements of a braced list are evaluated in order, unlike the operands of
// a + b + c, so a text made of several random draws is the same whatever the compiler.
std::string cat(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& part : parts) out += part;
  return out;
}

struct DepartmentKind {
  const char* name;        // after the county's name
  const char* short_name;  // at most 8 characters
  const char* category;
};

// Departments a real county has (政务服务事项清单), in no particular order.
const std::vector<DepartmentKind>& department_kinds() {
  static const std::vector<DepartmentKind> kinds = {
      {"发展和改革局", "发改局", "综合服务"}, {"教育局", "教育局", "教育与文化"}, {"科学技术局", "科技局", "教育与文化"},
      {"工业和信息化局", "工信局", "市场监管"}, {"公安局", "公安局", "安全与卫生"}, {"民政局", "民政局", "民生保障"},
      {"司法局", "司法局", "综合服务"}, {"财政局", "财政局", "综合服务"}, {"人力资源和社会保障局", "人社局", "民生保障"},
      {"自然资源局", "自然资源局", "城乡建设"}, {"生态环境分局", "生态环境局", "农业与环境"}, {"住房和城乡建设局", "住建局", "城乡建设"},
      {"交通运输局", "交通局", "城乡建设"}, {"水利局", "水利局", "农业与环境"}, {"农业农村局", "农业农村局", "农业与环境"},
      {"商务局", "商务局", "市场监管"}, {"文化广电和旅游局", "文旅局", "教育与文化"}, {"卫生健康局", "卫健局", "安全与卫生"},
      {"退役军人事务局", "退役军人局", "民生保障"}, {"应急管理局", "应急局", "安全与卫生"}, {"审计局", "审计局", "综合服务"},
      {"市场监督管理局", "市场监管局", "市场监管"}, {"统计局", "统计局", "综合服务"}, {"医疗保障局", "医保局", "民生保障"},
      {"林业局", "林业局", "农业与环境"}, {"城市管理综合执法局", "城管局", "城乡建设"}, {"行政审批服务局", "审批局", "综合服务"},
      {"体育局", "体育局", "教育与文化"}, {"人民防空办公室", "人防办", "安全与卫生"}, {"档案馆", "档案馆", "教育与文化"},
      {"气象局", "气象局", "农业与环境"}, {"税务局", "税务局", "市场监管"}, {"消防救援大队", "消防大队", "安全与卫生"},
      {"住房公积金管理中心", "公积金中心", "民生保障"}, {"残疾人联合会", "残联", "民生保障"}, {"地方志办公室", "地方志办", "教育与文化"},
      {"供销合作社联合社", "供销社", "农业与环境"}, {"烟草专卖局", "烟草局", "市场监管"}, {"邮政管理局", "邮政局", "市场监管"},
      {"粮食和物资储备局", "粮储局", "农业与环境"}, {"乡村振兴局", "乡村振兴局", "农业与环境"}, {"信访局", "信访局", "综合服务"},
      {"民族宗教事务局", "民宗局", "综合服务"}, {"机关事务服务中心", "机关事务", "综合服务"}, {"公共资源交易中心", "交易中心", "综合服务"},
      {"不动产登记中心", "不动产中心", "城乡建设"}, {"社会保险事业管理中心", "社保中心", "民生保障"}, {"疾病预防控制中心", "疾控中心", "安全与卫生"},
      {"妇幼保健院", "妇幼保健院", "安全与卫生"}, {"图书馆", "图书馆", "教育与文化"}, {"文物管理所", "文管所", "教育与文化"},
      {"畜牧兽医局", "畜牧局", "农业与环境"}, {"水文水资源勘测局", "水文局", "农业与环境"}, {"地震局", "地震局", "安全与卫生"},
      {"红十字会", "红十字会", "民生保障"}, {"总工会", "总工会", "民生保障"}, {"妇女联合会", "妇联", "民生保障"},
      {"共青团委员会", "团县委", "教育与文化"}, {"科学技术协会", "科协", "教育与文化"}, {"工商业联合会", "工商联", "市场监管"},
      {"数据资源管理局", "数据局", "综合服务"}, {"供电公司", "供电公司", "城乡建设"}, {"自来水公司", "水务公司", "城乡建设"},
  };
  return kinds;
}

const std::vector<std::string> kKinds = {"行政许可", "行政确认", "行政给付", "公共服务", "其他行政权力"};
const std::vector<std::string> kObjects = {
    "建设工程规划", "食品经营", "药品零售", "医疗机构执业", "民办学校办学", "道路货物运输经营", "出租汽车经营",
    "取水", "林木采伐", "种子生产经营", "农药经营", "兽药经营", "动物防疫条件", "烟花爆竹零售", "危险化学品经营",
    "特种设备使用", "建筑施工企业安全生产", "城镇污水排入排水管网", "临时占用城市道路", "城市建筑垃圾处置",
    "户外广告设置", "公共场所卫生", "放射诊疗", "母婴保健技术服务", "养老机构备案", "社会团体成立", "民办非企业单位",
    "宗教活动场所", "人民防空工程拆除", "消防设计审查", "生产建设项目水土保持方案", "排污许可", "环境影响评价文件",
    "再生资源回收经营者", "成品油零售经营", "旅行社设立", "娱乐场所经营", "网吧经营", "出版物零售", "电影放映单位设立",
    "营业性演出", "中小学教师资格认定", "残疾人证办理", "最低生活保障", "特困人员救助供养", "临时救助", "高龄津贴",
    "城乡居民基本养老保险待遇", "失业保险金", "工伤认定", "劳务派遣经营", "人力资源服务", "职业技能等级认定",
    "住房公积金提取", "住房公积金贷款", "不动产首次登记", "不动产转移登记", "抵押权登记", "宅基地使用权",
    "乡村建设规划", "农村村民住宅建设", "个体工商户登记", "企业名称登记", "食品小作坊登记", "计量器具检定",
    "广播电视设施迁建", "地名命名更名", "殡葬设施建设", "婚姻登记", "收养登记", "医疗救助", "退役士兵安置",
    "优抚对象抚恤补助", "法律援助", "人民调解员", "公证员执业", "基层法律服务工作者执业", "档案利用", "气象探测环境保护",
    "雷电防护装置设计审核", "施放气球活动", "水利工程建设项目", "河道管理范围内建设项目", "渔业捕捞", "水产苗种生产",
    "草原使用", "野生动物人工繁育", "植物检疫证书", "农机驾驶证", "拖拉机登记", "粮食收购", "公共场所控烟", "献血证明",
};
const std::vector<std::string> kActions = {"许可", "审批", "登记", "备案", "核准", "确认", "变更", "延续", "注销", "补办", "审核", "认定"};
const std::vector<std::string> kLaws = {
    "中华人民共和国行政许可法", "中华人民共和国食品安全法", "中华人民共和国药品管理法", "中华人民共和国城乡规划法",
    "中华人民共和国建筑法", "中华人民共和国水法", "中华人民共和国森林法", "中华人民共和国种子法", "中华人民共和国道路运输条例",
    "中华人民共和国环境保护法", "中华人民共和国消防法", "中华人民共和国人民防空法", "中华人民共和国社会保险法",
    "中华人民共和国民法典", "社会救助暂行办法", "城市市容和环境卫生管理条例", "城镇排水与污水处理条例", "不动产登记暂行条例",
    "住房公积金管理条例", "特种设备安全监察条例", "危险化学品安全管理条例", "烟花爆竹安全管理条例", "医疗机构管理条例",
    "公共场所卫生管理条例", "娱乐场所管理条例", "营业性演出管理条例", "出版管理条例", "殡葬管理条例", "宗教事务条例",
    "地名管理条例", "气象设施和气象探测环境保护条例", "农药管理条例", "兽药管理条例", "残疾人保障法实施办法",
};
const std::vector<std::string> kClauses = {
    "申请人应当具有完全民事行为能力", "申请人应当依法取得营业执照或者事业单位法人证书", "有与所申请事项相适应的固定场所和必要设施设备",
    "有健全的安全生产管理制度和岗位责任制度", "主要负责人和安全管理人员经考核合格", "从业人员持有有效健康证明",
    "申请材料齐全且符合法定形式", "近三年内未发生重大安全生产责任事故", "符合国家和本省规定的其他条件",
    "项目已取得立项批复或者备案文件", "用地符合国土空间规划和用途管制要求", "排放的污染物符合国家或者地方规定的排放标准",
    "具备与经营规模相适应的专业技术人员", "未被列入严重违法失信名单", "已按规定缴纳社会保险费",
    "申请人为本县户籍居民或者持有本县居住证", "家庭人均收入低于当地最低生活保障标准", "经乡（镇）人民政府或者街道办事处审核并公示无异议",
    "所在村（居）民委员会出具证明", "委托他人办理的应当提交授权委托书和受托人身份证明", "原证件在有效期内且未被吊销",
    "变更事项不改变原许可条件", "按期参加年度检验或者年度报告公示", "设施设备经法定检验机构检验合格",
};
const std::vector<std::string> kMaterials = {
    "申请书", "申请人身份证明", "营业执照复印件", "法定代表人身份证明", "授权委托书及受托人身份证", "场所产权证明或者租赁合同",
    "平面布局图", "设施设备清单", "从业人员健康证明", "安全管理制度文本", "专业技术人员资格证书", "项目立项批复文件",
    "建设工程规划许可证", "环境影响评价批复", "消防验收意见书", "检验检测报告", "原许可证正副本", "户口簿",
    "结婚证或者离婚证", "居民身份证", "残疾人证", "医疗费用票据", "银行账户信息", "村（居）民委员会证明", "承诺书",
    "土地使用权证明", "施工图设计文件", "工程竣工验收报告", "测绘成果报告", "近期免冠照片",
};
const std::vector<std::string> kNotes = {"验原件，收复印件", "可由窗口工作人员协助填写", "须加盖单位公章", "复印件注明“与原件一致”",
                                         "现场核验", "电子证照可免于提交", "有则提供", "须本人签字确认"};
const std::vector<std::string> kUnits = {"元/件", "元/次", "元/证", "元/平方米", "元/户", "元/吨", "元/人", "元/台", "元/宗"};
const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
const std::vector<std::string> kDutyOpenings = {"贯彻执行", "负责", "组织实施", "指导", "监督管理", "承担", "协调推进", "拟订并组织实施"};
const std::vector<std::string> kDutyTopics = {
    "国家和省、市有关法律法规和方针政策", "全县行业发展规划和年度计划", "本行业安全生产和应急管理工作", "行政审批事项的受理和办理",
    "政务公开和政务服务工作", "行业统计和信息化建设", "基层站所的业务指导和人员培训", "社会监督和投诉举报的受理处理",
    "专项资金的分配管理和绩效评价", "重大项目的协调调度",
};
const std::vector<std::string> kOrdinals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

// Characters for names: places, roads, people. Common ones make them look real; the GB2312
// level 2 and rare lists bring in the thousands of distinct characters a real county's
// contact lines and place names have.
class NameMaker {
 public:
  explicit NameMaker(Random& random)
      : random_(random), level1_(leave_out_every(code_points_of(kLevel1Hanzi), 2)), level2_(leave_out_every(code_points_of(kLevel2Hanzi), 4)),
        rare_(code_points_of(kRareHanzi)) {}

  std::string character() {
    const int roll = random_.between(1, 100);
    if (roll <= 35) return random_.pick(level1_);
    if (roll <= 96) return next_level2();
    return random_.pick(rare_);
  }
  std::string word(int chars) {
    std::string out;
    for (int i = 0; i < chars; ++i) out += character();
    return out;
  }
  std::string town() { return cat({word(2), random_.chance(70) ? "镇" : "乡"}); }
  std::string village() { return cat({town(), word(2), "村"}); }
  std::string road() { return cat({word(2), random_.chance(50) ? "路" : "街", std::to_string(random_.between(1, 399)), "号"}); }
  std::string person() {
    const std::string surname = random_.chance(80) ? random_.pick(kSurnames) : character();
    return surname + word(random_.between(1, 2));
  }

 private:
  // Level 2 is walked in a shuffled cycle so that a county of a few thousand items uses
  // nearly all of it, as a real one's place names and surnames do.
  std::string next_level2() {
    if (cursor_ == 0) shuffle(level2_);
    const std::string& c = level2_[cursor_];
    cursor_ = (cursor_ + 1) % level2_.size();
    return c;
  }

  // Leaves out every n-th entry: the county then has about 5,000 distinct characters, as the
  // issue's real one does, instead of all 7,000 of the lists.
  static std::vector<std::string> leave_out_every(std::vector<std::string> values, std::size_t n) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < values.size(); ++i)
      if (i % n != n - 1) kept.push_back(std::move(values[i]));
    return kept;
  }

  void shuffle(std::vector<std::string>& values) {
    for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[random_.next() % i]);
  }

  Random& random_;
  std::vector<std::string> level1_, level2_, rare_;
  std::size_t cursor_ = 0;
};

// Writes one department's file; the texts stay within the validator's limits (names 60,
// lines 120, paragraphs 600 characters), with a few right at the paragraph limit.
class DepartmentWriter {
 public:
  DepartmentWriter(Random& random, NameMaker& names, std::string county, std::vector<std::string> topic_ids)
      : random_(random), names_(names), county_(std::move(county)), topic_ids_(std::move(topic_ids)) {}

  Json department(int index, int item_count, int fee_count) {
    const auto& kinds = department_kinds();
    const DepartmentKind& kind = kinds[static_cast<std::size_t>(index) % kinds.size()];
    const int round = index / static_cast<int>(kinds.size());  // beyond the list: numbered branches
    id_ = "gen-d" + two_digits(index + 1);
    const std::string branch = round == 0 ? "" : "第" + kOrdinals[static_cast<std::size_t>(round) % kOrdinals.size()] + "分局";
    Json d;
    d["id"] = id_;
    d["name"] = county_ + kind.name + branch;
    d["short_name"] = round == 0 ? std::string(kind.short_name) : clipped(std::string(kind.short_name) + std::to_string(round + 1), 8);
    d["category"] = kind.category;
    d["address"] = county_ + names_.road();
    d["office_hours"] = "周一至周五 8:30—12:00，14:00—17:30（法定节假日除外）";
    d["phone"] = phone();
    d["service_window"] = service_window();
    const bool very_long = index % 20 == 2;  // a few introductions right at the 600-character limit
    d["introduction"] = paragraph(county_ + kind.name + branch + "是县人民政府工作部门，", very_long ? 600 : random_.between(80, 220));
    Json duties;
    duties["published"] = publication();
    Json paragraphs = Json::array();
    const int duty_count = random_.between(3, 10);
    for (int i = 0; i < duty_count; ++i) {
      const std::string opening = "（" + kOrdinals[static_cast<std::size_t>(i)] + "）";
      paragraphs.push_back(paragraph(opening, very_long && i == 0 ? 600 : random_.between(40, 160)));
    }
    duties["paragraphs"] = std::move(paragraphs);
    d["duties"] = std::move(duties);
    Json items = Json::array();
    for (int i = 0; i < item_count; ++i) items.push_back(item(i, index));
    d["approval_items"] = std::move(items);
    d["fees"] = fees(fee_count);
    return d;
  }

  const std::string& id() const { return id_; }

 private:
  static std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
  std::string phone() { return "0000-" + std::to_string(random_.between(6000000, 6999999)); }
  std::string floor() { return kOrdinals[static_cast<std::size_t>(random_.between(0, 2))] + "楼"; }
  std::string window() { return cat({std::string(1, static_cast<char>('A' + random_.between(0, 5))), two_digits(random_.between(1, 30))}); }
  std::string date() { return cat({"2026-0", std::to_string(random_.between(1, 4)), "-", two_digits(random_.between(1, 28))}); }
  std::string service_window() { return cat({"县公共行政服务中心", floor(), " ", window(), " 窗口"}); }

  Json publication() {
    const std::vector<std::string> sources = {county_ + "人民政府门户网站·政府信息公开目录", county_ + "政务服务网", "本部门公示栏",
                                              county_ + "融媒体中心"};
    return Json{{"date", date()}, {"source", random_.pick(sources)}};
  }

  // Sentences about the department's work until the text reaches about `chars` characters.
  std::string paragraph(std::string text, int chars) {
    while (static_cast<int>(length_of(text)) < chars) {
      text += cat({random_.pick(kDutyOpenings), names_.town(), random_.pick(kDutyTopics), "，", random_.pick(kClauses)});
      text += random_.chance(40) ? "，由" + names_.person() + "同志具体负责。" : "。";
    }
    return ends_sentence(clipped(text, static_cast<std::size_t>(chars)));
  }

  static std::string ends_sentence(std::string text) {
    if (!text.ends_with("。")) {
      const std::vector<std::string> chars = code_points_of(text);
      text.resize(text.size() - chars.back().size());
      text += "。";
    }
    return text;
  }

  std::string item_name() {
    std::string name = cat({random_.pick(kObjects), random_.pick(kActions)});
    if (random_.chance(30)) name = names_.town() + name;
    if (random_.chance(10)) name += cat({"（", random_.pick(kObjects), "、", random_.pick(kObjects), "）"});
    return clipped(name, 40);
  }

  std::string legal_basis(bool very_long) {
    std::string text;
    const int target = very_long ? 600 : random_.between(25, 120);
    while (static_cast<int>(length_of(text)) < target) {
      if (!text.empty()) text += "；";
      text += cat({"《", random_.pick(kLaws), "》第", std::to_string(random_.between(2, 90)), "条"});
      if (random_.chance(30)) text += "第" + std::to_string(random_.between(1, 5)) + "款";
    }
    return ends_sentence(clipped(text + "。", static_cast<std::size_t>(target)));
  }

  std::string condition(bool very_long) {
    std::string text;
    const int sentences = random_.between(1, 3);
    for (int s = 0; s < sentences; ++s) {
      text += random_.pick(kClauses);
      if (random_.chance(40)) text += "，" + random_.pick(kClauses);
      if (random_.chance(25)) text += "（" + names_.village() + "等地另有规定的，从其规定）";
      text += "。";
    }
    while (very_long && length_of(text) < 600) text += cat({random_.pick(kClauses), "，", names_.town(), random_.pick(kDutyTopics), "。"});
    return ends_sentence(clipped(text, 600));
  }

  Json material() {
    Json m;
    std::string name = random_.pick(kMaterials);
    if (random_.chance(20)) name = names_.village() + "出具的" + name;
    if (random_.chance(15)) name += "（" + random_.pick(kMaterials) + "）";
    m["name"] = clipped(name, 120);
    m["original"] = random_.chance(50);
    m["copies"] = random_.between(0, 3);
    if (random_.chance(45)) m["note"] = random_.pick(kNotes);
    return m;
  }

  Json item(int index, int department_index) {
    Json item;
    const std::string id = id_ + "-i" + std::to_string(1000 + index).substr(1);
    // Every 97th item is a long one; the first item of the first department carries 15 materials.
    const bool very_long = (department_index * 37 + index) % 97 == 0;
    item["id"] = id;
    item["name"] = item_name();
    item["kind"] = random_.pick(kKinds);
    item["legal_basis"] = legal_basis(very_long);
    Json conditions = Json::array();
    const int condition_count = random_.between(2, 5);
    for (int c = 0; c < condition_count; ++c) conditions.push_back(condition(very_long && c == 0));
    item["conditions"] = std::move(conditions);
    Json materials = Json::array();
    const int material_count = index == 0 ? 15 : random_.between(5, 15);
    for (int m = 0; m < material_count; ++m) materials.push_back(material());
    item["materials"] = std::move(materials);
    static const std::vector<int> days = {0, 1, 3, 5, 7, 10, 15, 20, 30, 45, 60};
    const int statutory = random_.pick(days);
    item["statutory_days"] = statutory;
    item["promised_days"] = statutory == 0 ? 0 : random_.between(0, statutory);
    item["fee"] = random_.chance(75) ? std::string("不收费") : "按《" + random_.pick(kLaws) + "》规定的标准收取";
    item["where"] = random_.chance(70) ? service_window() : county_ + names_.road();
    const bool online = random_.chance(60);
    item["online"] = online ? Json{{"available", true}, {"url", "https://zwfw.example.com/item/" + id}} : Json{{"available", false}};
    item["contact"] = cat({names_.person(), " ", phone()});
    item["published"] = publication();
    add_topics_and_keywords(item, index, department_index);
    return item;
  }

  // Topics and keywords (issue 14) follow from the item's place, not from the random stream, so
  // that the rest of the county stays what it was for a seed. Every third item has two topics,
  // every fourth a keyword (the first two characters of its name, as people shorten names).
  void add_topics_and_keywords(Json& item, int index, int department_index) const {
    const std::size_t spread = static_cast<std::size_t>(department_index * 7 + index);
    Json topics = Json::array({topic_ids_[spread % topic_ids_.size()]});
    if (index % 3 == 0 && topic_ids_.size() > 1) topics.push_back(topic_ids_[(spread + 5) % topic_ids_.size()]);
    item["topics"] = std::move(topics);
    if (index % 4 != 0) return;
    const std::string name = item["name"].get<std::string>();
    std::size_t cut = 0;
    char32_t c = 0;
    for (int k = 0; k < 2 && cut < name.size(); ++k) cut += decode_code_point(name, cut, c);
    item["keywords"] = Json::array({name.substr(0, cut) + "办理"});
  }

  Json fees(int count) {
    Json fees;
    Json items = Json::array();
    for (int i = 0; i < count; ++i) {
      Json fee;
      static const std::vector<std::string> charges = {"工本费", "检验费", "登记费", "证书费", "鉴定费"};
      fee["name"] = clipped(cat({random_.pick(kObjects), random_.pick(charges)}), 120);
      const std::string whole = std::to_string(random_.between(1, 800));
      fee["amount"] = random_.chance(25) ? whole + "." + std::to_string(random_.between(1, 9)) : whole;
      fee["unit"] = random_.pick(kUnits);
      fee["legal_basis"] = legal_basis(false);
      fee["document_number"] = cat({names_.word(1), "价费〔20", std::to_string(random_.between(10, 25)), "〕",
                                    std::to_string(random_.between(1, 120)), "号"});
      if (random_.chance(30)) fee["notes"] = "对" + names_.village() + "低保户、特困人员免收。";
      fee["published"] = publication();
      items.push_back(std::move(fee));
    }
    if (count == 0) fees["no_fee_statement"] = "本部门无行政事业性收费项目。";
    fees["items"] = std::move(items);
    return fees;
  }

  Random& random_;
  NameMaker& names_;
  std::string county_;
  std::vector<std::string> topic_ids_;
  std::string id_;
};

// How the items are shared out: the first department is the heaviest, the rest share evenly.
std::vector<int> items_per_department(const CountyOptions& options) {
  std::vector<int> counts(static_cast<std::size_t>(options.departments), 0);
  const int largest = largest_department_items(options);
  counts[0] = largest;
  const int rest = options.items - largest;
  const int others = options.departments - 1;
  for (int i = 0; i < others; ++i) counts[static_cast<std::size_t>(i + 1)] = rest / others + (i < rest % others ? 1 : 0);
  return counts;
}

// Fee tables: the second department has the 100-row table, every eighth a 50-80 row one, every
// third a short one, and the rest publish a no-fee statement.
int fees_of(int index, Random& random) {
  if (index == 1) return kLargestFeeTable;
  if (index % 8 == 5) return random.between(50, 80);
  if (index % 3 == 0) return random.between(1, 12);
  return 0;
}

void write_file(const fs::path& file, const Json& value) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << value.dump(1) << '\n';
  out.close();
  if (!out) throw CountyError("cannot write " + file.string());
}

void check_options(const CountyOptions& options) {
  if (options.departments < 1 || options.departments > 150) throw CountyError("--departments must be between 1 and 150");
  if (options.items < 0 || options.items > options.departments * kMaxItemsPerDepartment)
    throw CountyError("--items must be between 0 and 300 per department");
}

void prepare_out(const fs::path& out) {
  std::error_code ec;
  if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec)))
    throw CountyError(out.string() + " exists and is not an empty folder");
  fs::create_directories(out / "departments", ec);
  if (ec) throw CountyError("cannot create " + (out / "departments").string() + ": " + ec.message());
}

// The life-event topics (issue 14): the shipped sample's ids, so that sample departments copied
// in beside the generated ones find theirs.
Json county_topics() {
  static const char* const kTopics[][3] = {
      {"shengyu-shouyang", "生育收养", "#E91E63"}, {"huji-banli", "户籍办理", "#3F51B5"}, {"jiuye-chuangye", "就业创业", "#FF9800"},
      {"hunyin-dengji", "婚姻登记", "#D81B60"},    {"zhufang-baozhang", "住房保障", "#795548"}, {"shehui-baozhang", "社会保障", "#2E7D32"},
      {"yiliao-weisheng", "医疗卫生", "#00897B"},  {"jiaoyu", "教育", "#1E88E5"},              {"canjiren-fuwu", "残疾人服务", "#8E24AA"},
      {"yanglao", "养老", "#6D4C41"},              {"qiye-kaiban", "企业开办", "#F4511E"},      {"jiaotong-chuxing", "交通出行", "#546E7A"},
      {"gongcheng-jianshe", "工程建设", "#5D4037"}, {"falv-fuwu", "法律服务", "#3949AB"},       {"tousu-jubao", "投诉举报", "#C62828"},
      {"qita", "其他", "#757575"}};
  Json topics = Json::array();
  for (const auto& topic : kTopics) topics.push_back({{"id", topic[0]}, {"name", topic[1]}, {"colour", topic[2]}});
  return Json{{"topics", std::move(topics)}, {"popular_searches", {"低保", "身份证", "养老金", "营业执照"}}};
}

void copy_sample(const fs::path& sample, const fs::path& out) {
  std::error_code ec;
  const fs::path from = sample / "departments";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(from, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec || files.empty()) throw CountyError("no department files in " + from.string());
  for (const auto& file : files) {
    fs::copy_file(file, out / "departments" / file.filename(), ec);
    if (ec) throw CountyError("cannot copy " + file.string() + ": " + ec.message());
  }
}

}  // namespace

int largest_department_items(const CountyOptions& options) {
  if (options.departments <= 1) return std::min(options.items, kMaxItemsPerDepartment);
  // A tenth of the county, at least an even share, at most the validator's 300.
  const int share = (options.items + options.departments - 1) / options.departments;
  return std::min({kMaxItemsPerDepartment, options.items, std::max(share, (options.items + 9) / 10)});
}

void generate_county(const CountyOptions& options, const fs::path& out) {
  check_options(options);
  prepare_out(out);
  if (options.with_sample) copy_sample(*options.with_sample, out);
  Random random(options.seed);
  NameMaker names(random);
  const std::string county = "生成县";
  write_file(out / "event.json", Json{{"county", county},
                                      {"title", "政务公开日"},
                                      {"date", "2026-05-15"},
                                      {"place", county + "人民广场（县公共行政服务中心门前）"},
                                      {"hotline", "0000-12345"},
                                      {"sample_data", true}});
  const Json topics = county_topics();
  write_file(out / "topics.json", topics);
  std::vector<std::string> topic_ids;
  for (const auto& topic : topics["topics"]) topic_ids.push_back(topic["id"].get<std::string>());
  const std::vector<int> items = items_per_department(options);
  DepartmentWriter writer(random, names, county, std::move(topic_ids));
  for (int i = 0; i < options.departments; ++i) {
    const Json department = writer.department(i, items[static_cast<std::size_t>(i)], fees_of(i, random));
    write_file(out / "departments" / (writer.id() + ".json"), department);
  }
}

}  // namespace openday::testing
