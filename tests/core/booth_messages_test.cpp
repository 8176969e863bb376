// What crosses the booth hub (issue 32): the row and heartbeat messages, the board's alerts, the
// hub's config keys and command lines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/booth/booth_board.h"
#include "core/booth/booth_messages.h"
#include "core/booth/config.h"
#include "core/ops/cli.h"

namespace openday {
namespace {

EventRecord full_record() {
  EventRecord r;
  r.kiosk_id = "kiosk-2";
  r.seq = 1765000000000123;
  r.at_ms = 1765000000123;
  r.utc_offset_min = 480;
  r.session = 17;
  r.type = "voucher_issued";
  r.screen = "quiz/result";
  r.department = "rsj";
  r.item = "ABCD-EFGH";
  r.target = "低保";
  r.value = 42;
  r.count = -3;
  r.detail = "a \"quoted\" detail\nwith a line break";
  return r;
}

TEST(BoothMessages, AnEventRowCrossesTheHubUnchanged) {
  const EventRecord sent = full_record();
  EventRecord received;
  EXPECT_EQ(decode_event_record(encode_event_record(sent), received), "");
  EXPECT_EQ(received, sent);
  EXPECT_EQ(event_message_id(sent), "kiosk-2:1765000000000123");

  EventRecord sparse;
  sparse.kiosk_id = "k";
  sparse.seq = 1;
  sparse.type = "tap";
  EXPECT_EQ(decode_event_record(encode_event_record(sparse), received), "");
  EXPECT_EQ(received, sparse) << "absent columns stay NULL, not empty text";
}

TEST(BoothMessages, AnUnreadableRowIsRefusedWithTheReason) {
  EventRecord out;
  EXPECT_EQ(decode_event_record("not json", out), "not JSON");
  EXPECT_EQ(decode_event_record("[1,2]", out), "not a JSON object");
  EXPECT_EQ(decode_event_record(R"({"seq":1,"at_ms":1,"utc_offset_min":0,"session":0,"type":"tap"})", out), "field kiosk_id is missing");
  EXPECT_EQ(decode_event_record(R"({"kiosk_id":"k","seq":"1","at_ms":1,"utc_offset_min":0,"session":0,"type":"tap"})", out),
            "field seq is not a whole number");
  EXPECT_EQ(decode_event_record(R"({"kiosk_id":"k","seq":1,"at_ms":1,"utc_offset_min":0,"session":0,"type":"tap","item":5})", out),
            "field item is not text");
  const std::string huge(kMaxBoothMessageBytes + 1, ' ');
  EXPECT_NE(decode_event_record(huge, out).find("bytes (at most"), std::string::npos);
}

TEST(BoothMessages, AHeartbeatCrossesTheHubUnchanged) {
  Heartbeat sent;
  sent.device = "kiosk-1";
  sent.kiosk_id = "kiosk-1";
  sent.role = "kiosk";
  sent.at_ms = 1765000000000;
  sent.content_version = "a1b2c3d4e5f6";
  sent.last_seq = 99;
  sent.acked_seq = 90;
  sent.pending = 9;
  sent.oldest_pending_at_ms = 1764999990000;
  sent.prize_stock = 37;
  sent.free_disk_bytes = 123456789;
  sent.last_event_type = "tap";
  sent.last_event_at_ms = 1764999999000;
  Heartbeat received;
  EXPECT_EQ(decode_heartbeat(encode_heartbeat(sent), received), "");
  EXPECT_EQ(received, sent);
  EXPECT_EQ(decode_heartbeat(R"({"device":"k"})", received), "field kiosk_id is missing");
}

TEST(BoothBoard, ADeviceIsOnlineSilentOrBehindByTheHubsClock) {
  DeviceState state;
  state.beat.device = "kiosk-1";
  state.beat.role = "kiosk";
  state.beat.at_ms = 5'000'000 + 3'600'000;  // its own clock an hour ahead
  state.beat.pending = 12;
  state.beat.oldest_pending_at_ms = state.beat.at_ms - 30'000;
  state.beat.content_version = "aaaa";
  state.beat.free_disk_bytes = 10'000'000'000;
  state.received_at_ms = 5'000'000;

  const BoardRow fresh = board_row(state, 5'000'000 + 3'000, "aaaa");
  EXPECT_TRUE(fresh.online);
  EXPECT_EQ(fresh.silent_ms, 3'000);
  EXPECT_EQ(fresh.upload_lag_ms, 30'000) << "the lag is measured on the device's own clock";
  EXPECT_TRUE(fresh.alerts.empty());

  state.beat.free_disk_bytes = 100'000'000;
  const BoardRow silent = board_row(state, 5'000'000 + kSilentAlertMs + 1, "bbbb");
  EXPECT_FALSE(silent.online);
  EXPECT_EQ(silent.alerts, (std::vector<BoardAlert>{BoardAlert::Silent, BoardAlert::LowDisk, BoardAlert::ContentDiffers}));
}

TEST(BoothConfig, TheHubAndItsCredentialsGoTogetherAndTheCredentialsSitBesideTheConfig) {
  const auto both = parse_config_text("[booth]\nhub = \"nats://192.168.1.10:4222\"\nhub_credentials = \"kiosk-1.creds\"\n", "/etc/openday/booth.toml");
  ASSERT_TRUE(both.ok()) << both.problems.front().to_string();
  EXPECT_EQ(*both.config.hub_url, "nats://192.168.1.10:4222");
  EXPECT_EQ(*both.config.hub_credentials, std::filesystem::path("/etc/openday/kiosk-1.creds"));

  const auto alone = parse_config_text("[booth]\nhub = \"nats://192.168.1.10:4222\"\n", "booth.toml");
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ(alone.problems.front().key, "booth.hub_credentials");

  const auto wrong = parse_config_text("[booth]\nhub = \"http://hub\"\nhub_credentials = \"k.creds\"\n", "booth.toml");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.problems.front().key, "booth.hub");
  EXPECT_TRUE(is_hub_url("tls://hub.local:4222"));
  EXPECT_FALSE(is_hub_url("nats://hub.local"));
  EXPECT_FALSE(is_hub_url("nats://user@hub:4222"));
}

CommandLineParse parse(std::vector<std::string_view> args) { return parse_command_line(args); }

TEST(BoothCommandLine, HubCommandsParseAndSayWhatIsMissing) {
  const auto init = parse({"hub", "init", "--booth", "B1", "--devices", "kiosk-1,kiosk-2,desk", "--out", "/tmp/hub", "--listen", "127.0.0.1:4222"});
  ASSERT_TRUE(init.command) << init.error;
  EXPECT_EQ(init.command->kind, CommandKind::HubInit);
  EXPECT_EQ(init.command->hub_init.devices, (std::vector<std::string>{"kiosk-1", "kiosk-2", "desk"}));
  EXPECT_EQ(init.command->hub_init.store, std::filesystem::path("/tmp/hub/jetstream"));

  const auto missing = parse({"hub", "init", "--booth", "B1"});
  EXPECT_FALSE(missing.command);
  EXPECT_NE(missing.error.find("--devices"), std::string::npos) << missing.error;

  const auto sync = parse({"hub", "sync", "--db", "desk.db", "--hub", "nats://127.0.0.1:4222", "--hub-credentials", "desk.creds"});
  ASSERT_TRUE(sync.command) << sync.error;
  EXPECT_EQ(sync.command->kind, CommandKind::HubSync);
  EXPECT_EQ(*sync.command->hub_sync.hub.url, "nats://127.0.0.1:4222");

  const auto bad_url = parse({"hub", "status", "--hub", "127.0.0.1"});
  EXPECT_FALSE(bad_url.command);
  EXPECT_NE(bad_url.error.find("hub status"), std::string::npos) << bad_url.error;

  const auto simulate = parse({"simulate", "--visitors", "3", "--seed", "1", "--hub", "nats://h:1", "--hub-credentials", "k.creds"});
  ASSERT_TRUE(simulate.command) << simulate.error;
  EXPECT_EQ(*simulate.command->simulate.hub.credentials, std::filesystem::path("k.creds"));

  EXPECT_FALSE(parse({"hub"}).command);
}

}  // namespace
}  // namespace openday
