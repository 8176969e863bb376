#include "ui/tally_words.h"

namespace openday::ui {

std::string_view tally_kind_words(TallyKind kind) {
  switch (kind) {
    case TallyKind::Consultation: return tr(Text::TallyConsultation);
    case TallyKind::Answer: return tr(Text::TallyAnswer);
    case TallyKind::Problem: return tr(Text::TallyProblem);
    case TallyKind::Handbook: return tr(Text::TallyHandbook);
    case TallyKind::Leaflet: return tr(Text::TallyLeaflet);
    case TallyKind::Count: break;
  }
  return "";
}

std::string tally_total_words(TallyKind kind, std::int64_t total) {
  const std::string n = std::to_string(total);
  switch (kind) {
    case TallyKind::Consultation: return fill_text(Text::TallyTodayPeopleFormat, {n});
    case TallyKind::Answer:
    case TallyKind::Problem: return fill_text(Text::TallyTodayItemsFormat, {n});
    case TallyKind::Handbook: return fill_text(Text::TallyTodayBooksFormat, {n});
    case TallyKind::Leaflet: return fill_text(Text::TallyTodaySheetsFormat, {n});
    case TallyKind::Count: break;
  }
  return n;
}

std::string_view problem_category_words(std::string_view category_id) {
  if (category_id == "policy") return tr(Text::TallyCategoryPolicy);
  if (category_id == "procedure") return tr(Text::TallyCategoryProcedure);
  if (category_id == "fees") return tr(Text::TallyCategoryFees);
  if (category_id == "complaint") return tr(Text::TallyCategoryComplaint);
  return tr(Text::TallyCategoryOther);
}

std::string tap_words(const Content& content, const TallyTap& tap) {
  const std::string kind(tally_kind_words(tap.kind));
  const std::string count = std::to_string(tap.count);
  const Department* department = tap.department.empty() ? nullptr : content.department(tap.department);
  const std::string place = department ? department->short_name : tap.department.empty() ? std::string(tr(Text::TallyNoDepartment)) : tap.department;
  if (tap.kind == TallyKind::Problem)
    return fill_text(Text::TallyTapProblemFormat, {kind, count, place, problem_category_words(tap.category)});
  if (tally_kind_takes_department(tap.kind)) return fill_text(Text::TallyTapDepartmentFormat, {kind, count, place});
  return fill_text(Text::TallyTapFormat, {kind, count});
}

std::string_view event_fact_words(EventFactKind fact) {
  switch (fact) {
    case EventFactKind::Departments: return tr(Text::FactDepartments);
    case EventFactKind::Staff: return tr(Text::FactStaff);
    case EventFactKind::Boards: return tr(Text::FactBoards);
    case EventFactKind::LeafletsPrinted: return tr(Text::FactLeafletsPrinted);
    case EventFactKind::Count: break;
  }
  return "";
}

}  // namespace openday::ui
