// `openday handwriting` (issue 31): one character's strokes on standard input, the candidates the
// search screen's 手写 pad would show. Staff check the model with it; tests measure recognition.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "commands/commands.h"
#include "commands/loading.h"
#include "core/handwriting/content_ranking.h"

namespace openday::commands {
namespace {

// Reads at most limit + 1 bytes, so that a larger input is refused without holding it all.
std::string read_standard_input(std::size_t limit) {
  std::string text;
  char buffer[4096];
  while (text.size() <= limit) {
    const std::size_t got = std::fread(buffer, 1, sizeof buffer, stdin);
    if (got == 0) break;
    text.append(buffer, got);
  }
  return text;
}

std::string candidates_text(const std::vector<HandwritingCandidate>& candidates) {
  if (candidates.empty()) return "no candidates\n";
  std::string out;
  char score[32];
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::snprintf(score, sizeof score, "%.3f", static_cast<double>(candidates[i].score));
    out += std::to_string(i + 1) + ". " + candidates[i].character + "  " + score + (candidates[i].in_content ? "  content" : "") + "\n";
  }
  return out;
}

std::string candidates_json(const std::vector<HandwritingCandidate>& candidates, bool reranked) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& candidate : candidates)
    list.push_back({{"character", candidate.character}, {"score", candidate.score}, {"in_content", candidate.in_content}});
  const nlohmann::json out = {{"reranked", reranked}, {"candidates", std::move(list)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

int run_handwriting(const HandwritingOptions& options) {
  const StrokesRead read = read_strokes_json(read_standard_input(kMaxStrokesJsonBytes));
  if (!read.strokes) {
    std::fprintf(stderr, "openday handwriting: standard input: %s\n", read.error.c_str());
    return kExitStrokes;
  }
  HandwritingRecognizer recognizer(options.model.empty() ? kDefaultHandwritingModel : options.model);
  if (!recognizer.load()) {
    std::fprintf(stderr, "openday handwriting: %s\n", recognizer.error().c_str());
    return kExitNoHandwritingModel;
  }
  std::optional<ContentCharacters> characters;
  if (options.rerank) {
    ContentLoad content = load_content(options.content_dir);
    print_problems("openday handwriting", content.problems);
    if (!content.content) return kExitContent;
    characters.emplace(*content.content);
  }
  const auto candidates = recognize_character(recognizer, *read.strokes, {characters ? &*characters : nullptr, options.query});
  std::fputs((options.json ? candidates_json(candidates, options.rerank) : candidates_text(candidates)).c_str(), stdout);
  return 0;
}

}  // namespace openday::commands
