// quiz.prize_desk: where winners collect the prize, named beside the prize code; a documented
// key with its default, in the shipped config and in --help.
#include <gtest/gtest.h>

#include "core/ops/cli.h"
#include "core/booth/config.h"
#include "core/util/paths.h"

namespace openday {
namespace {

TEST(PrizeDeskConfig, DefaultsToTheBoothDeskAndReadsTheFile) {
  EXPECT_EQ(Config{}.prize_desk, "展台服务台");
  const auto result = parse_config_text("[quiz]\nprize_desk = \"二号服务台\"\n", "t.toml");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.config.prize_desk, "二号服务台");
}

TEST(PrizeDeskConfig, AnOverlongOrNonTextValueIsAnErrorNamingTheKey) {
  for (const char* text : {"[quiz]\nprize_desk = 3\n", "[quiz]\nprize_desk = \"展台东侧政务服务中心综合咨询服务台旁边的领奖处\"\n"}) {
    const auto result = parse_config_text(text, "t.toml");
    ASSERT_FALSE(result.ok()) << text;
    EXPECT_EQ(result.problems.front().key, "quiz.prize_desk");
    EXPECT_EQ(result.problems.front().line, 2);
  }
}

TEST(PrizeDeskConfig, ShippedConfigAndHelpDocumentIt) {
  const auto shipped = load_config_file(default_config_file());
  ASSERT_TRUE(shipped.ok());
  EXPECT_EQ(shipped.config.prize_desk, "展台服务台");
  const std::string help = help_text({});
  EXPECT_NE(help.find("quiz.prize_desk = \"展台服务台\""), std::string::npos) << help;
}

}  // namespace
}  // namespace openday
