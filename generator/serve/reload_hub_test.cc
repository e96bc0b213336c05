// Event-stream waiters get each rebuild's event; the status remembers an error until a good build.
#include "serve/reload_hub.h"

#include <gtest/gtest.h>

#include <thread>

using namespace std::chrono_literals;

namespace takao {
namespace {

TEST(ReloadHub, WakesWaitersAndKeepsTheBuildState) {
  ReloadHub hub;
  EXPECT_EQ(hub.status().name, "ok");
  std::thread t([&] {
    std::this_thread::sleep_for(30ms);
    hub.publish("build-error", "{\"errors\":1}");
  });
  PreviewEvent e = hub.wait_after(0, 5s);
  t.join();
  EXPECT_EQ(e.id, 1u);
  EXPECT_EQ(e.name, "build-error");
  EXPECT_EQ(hub.status().name, "build-error");
  EXPECT_EQ(format_event(e), "id: 1\nevent: build-error\ndata: {\"errors\":1}\n\n");
  EXPECT_EQ(hub.wait_after(1, 20ms).id, 1u);  // nothing newer: times out
  hub.publish("reload", "{}");
  EXPECT_EQ(hub.status().name, "ok");
  hub.stop();
  EXPECT_TRUE(hub.stopped());
  EXPECT_EQ(hub.wait_after(2, 5s).name, "");  // returns at once after stop
}

}  // namespace
}  // namespace takao
