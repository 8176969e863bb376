// Where an installed binary finds its assets and config: relative to its own folder, so the
// package's /usr/bin/openday reads /usr/share/openday and /etc/openday, and a package unpacked
// into any root reads that root's folders.
#include "core/util/paths.h"

#include <gtest/gtest.h>

namespace openday {
namespace {

TEST(Paths, InstalledAssetsAreBesideTheBinaryFolder) {
  EXPECT_EQ(installed_share_dir("/usr/bin"), "/usr/share/openday");
  EXPECT_EQ(installed_share_dir("/tmp/root/usr/bin"), "/tmp/root/usr/share/openday");
  EXPECT_EQ(installed_share_dir(""), "");
}

TEST(Paths, InstalledConfigIsTheSystemConfigFolder) {
  EXPECT_EQ(installed_config_file("/usr/bin"), "/etc/openday/openday.toml");
  EXPECT_EQ(installed_config_file("/tmp/root/usr/bin"), "/tmp/root/etc/openday/openday.toml");
}

TEST(Paths, TheBuildTreeKeepsTheSourceAssets) {
  // The test binary has no share/openday beside it: the source tree's folders, as before.
  EXPECT_EQ(default_assets_dir(), std::filesystem::path(OPENDAY_ASSETS_DIR));
  EXPECT_EQ(default_fonts_dir(), std::filesystem::path(OPENDAY_FONTS_DIR));
  EXPECT_EQ(default_config_file(), std::filesystem::path(OPENDAY_ASSETS_DIR) / "openday.toml");
}

}  // namespace
}  // namespace openday
