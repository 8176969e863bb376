#pragma once
// Question banks for tests.
#include <nlohmann/json.hpp>

#include <string>

namespace openday::testing {

inline nlohmann::json single_question(const std::string& id, int correct = 0) {
  nlohmann::json options = nlohmann::json::array();
  for (int i = 0; i < 3; ++i) options.push_back({{"text", "选项" + std::to_string(i)}, {"correct", i == correct}});
  return {{"id", id}, {"kind", "single"}, {"text", "问题" + id + "？"}, {"options", options},
          {"explanation", "解释。"}, {"source", "测试来源"}};
}

inline nlohmann::json bank_of(int count) {
  nlohmann::json questions = nlohmann::json::array();
  for (int i = 0; i < count; ++i) questions.push_back(single_question("q" + std::to_string(100 + i), i % 3));
  return {{"questions", questions}};
}

}  // namespace openday::testing
