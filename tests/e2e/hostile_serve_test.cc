// The preview server under hostile requests: it listens on 127.0.0.1 only; path traversal in any
// encoding and symbolic links out of the site get 404 (or 400), very long URLs 414, and 200 clients
// hammering it for 10 seconds all get their answers. Requests go over raw sockets, byte for byte, so no
// client library tidies the paths first. Also `takao new` never overwrites.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "../hostile/corpus.h"
#include "../hostile/hostile_util.h"

namespace fs = std::filesystem;
using namespace hostile;

namespace {

class Preview {
 public:
  explicit Preview(const fs::path& dir) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      FILE* err = std::fopen((dir / "serve.log").c_str(), "w");
      if (err) dup2(fileno(err), 2);
      close(out[0]);
      if (chdir(dir.c_str()) != 0) _exit(127);
      std::vector<std::string> args = {TAKAO_BINARY, "serve", "--content", "content", "--port", "0"};
      for (auto& a : theme_args()) args.push_back(a);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    std::smatch m;
    if (std::regex_search(line, m, std::regex("127\\.0\\.0\\.1:(\\d+)"))) port_ = std::stoi(m[1]);
    first_line_ = line;
  }
  ~Preview() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      for (int i = 0; i < 100 && waitpid(pid_, nullptr, WNOHANG) != pid_; ++i) usleep(50000);
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& first_line() const { return first_line_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string first_line_;
};

// Sends `request` as is to 127.0.0.1:port; returns the status code (0 when no answer came).
int raw_status(int port, const std::string& request, std::string* body = nullptr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{20, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return 0;
  }
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string response;
  char buf[8192];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) response.append(buf, static_cast<size_t>(n));
  close(fd);
  std::smatch m;
  if (!std::regex_search(response, m, std::regex("^HTTP/1\\.[01] (\\d{3})"))) return 0;
  if (body) {
    size_t at = response.find("\r\n\r\n");
    *body = at == std::string::npos ? "" : response.substr(at + 4);
  }
  return std::stoi(m[1]);
}

std::string repeat_encoded(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += "%E9%AB%98";
  return out;
}

std::string get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

class HostileServe : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("serve");
    write_corpus(dir_ / "content", 3, "A");
    put(dir_ / "secret.txt", "TOP SECRET outside the site\n");
    preview_ = std::make_unique<Preview>(dir_);
  }
  static void TearDownTestSuite() { preview_.reset(); }
  static fs::path dir_;
  static std::unique_ptr<Preview> preview_;
};
fs::path HostileServe::dir_;
std::unique_ptr<Preview> HostileServe::preview_;

TEST_F(HostileServe, ServesThePreview) {
  ASSERT_GT(preview_->port(), 0) << preview_->first_line();
  std::string body;
  EXPECT_EQ(raw_status(preview_->port(), get("/"), &body), 200);
  EXPECT_NE(body.find("<html"), std::string::npos);
}

TEST_F(HostileServe, ListensOnLoopbackOnly) {
  ASSERT_GT(preview_->port(), 0);
  // Every listening socket of the process is bound to 127.0.0.1 (never 0.0.0.0 or ::).
  std::ifstream tcp("/proc/net/tcp");
  std::string line;
  char port_hex[8];
  std::snprintf(port_hex, sizeof port_hex, "%04X", preview_->port());
  bool found = false;
  while (std::getline(tcp, line)) {
    // "  sl  local_address rem_address   st ..." with local "0100007F:PORT" and state 0A = LISTEN.
    std::istringstream fields(line);
    std::string sl, local, remote, state;
    fields >> sl >> local >> remote >> state;
    if (state != "0A" || local.size() < 13 || local.substr(9) != port_hex) continue;
    found = true;
    EXPECT_EQ(local.substr(0, 8), "0100007F") << "listening on " << local;
  }
  EXPECT_TRUE(found) << "no listening socket on port " << preview_->port();
  std::ifstream tcp6("/proc/net/tcp6");
  while (std::getline(tcp6, line)) {
    std::istringstream fields(line);
    std::string sl, local, remote, state;
    fields >> sl >> local >> remote >> state;
    if (state == "0A" && local.size() > 4 && local.substr(local.size() - 4) == port_hex) ADD_FAILURE() << "listening on IPv6 " << local;
  }
}

TEST_F(HostileServe, TraversalInAnyEncodingIsRefused) {
  ASSERT_GT(preview_->port(), 0);
  const char* targets[] = {
      "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt",
      "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
      "/..%5csecret.txt", "/..\\secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%c0%ae%c0%ae%c0%afsecret.txt",
      "/.%2e/secret.txt", "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "//secret.txt",
      "/./../secret.txt", "/index.html%00.txt", "/%00/../secret.txt", "/....//secret.txt", "/..;/secret.txt",
      "/%u002e%u002e/secret.txt", "/..%c1%9csecret.txt", "/etc/passwd", "/../../../../../../etc/passwd",
      "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/?/../../secret.txt", "/#/../secret.txt"};
  for (const char* t : targets) {
    std::string body;
    int status = raw_status(preview_->port(), get(t), &body);
    EXPECT_TRUE(status == 404 || status == 400 || status == 403 || (status == 200 && body.find("TOP SECRET") == std::string::npos &&
                                                                     body.find("root:") == std::string::npos))
        << t << " -> " << status;
    EXPECT_EQ(body.find("TOP SECRET"), std::string::npos) << t;
    EXPECT_EQ(body.find("root:x:0:0"), std::string::npos) << t;
  }
  // Absolute-form request targets, too.
  EXPECT_NE(raw_status(preview_->port(), "GET http://127.0.0.1/../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 200);
}

TEST_F(HostileServe, SymlinksOutOfTheContentAreNotServed) {
  ASSERT_GT(preview_->port(), 0);
  // A symlink put into the content: the build refuses it, so the preview never holds it.
  fs::create_symlink(dir_ / "secret.txt", dir_ / "content/journal/001/leak.pdf");
  std::this_thread::sleep_for(std::chrono::seconds(3));
  std::string body;
  int status = raw_status(preview_->port(), get("/journal/001/leak.pdf"), &body);
  EXPECT_NE(status, 200);
  EXPECT_EQ(body.find("TOP SECRET"), std::string::npos);
  fs::remove(dir_ / "content/journal/001/leak.pdf");
}

TEST_F(HostileServe, VeryLongUrlsGet414) {
  ASSERT_GT(preview_->port(), 0);
  for (size_t n : {5000u, 20000u, 200000u}) {
    int status = raw_status(preview_->port(), get("/" + std::string(n, 'a')));
    EXPECT_TRUE(status == 414 || status == 404 || status == 400 || status == 431) << n << " -> " << status;
  }
  int status = raw_status(preview_->port(), get("/" + repeat_encoded(3000)));
  EXPECT_TRUE(status == 414 || status == 404 || status == 400) << status;
  // The server lives on.
  EXPECT_EQ(raw_status(preview_->port(), get("/")), 200);
}

TEST_F(HostileServe, TwoHundredParallelClientsForTenSecondsAreAllAnswered) {
  ASSERT_GT(preview_->port(), 0);
  std::atomic<long> answered{0}, failed{0};
  std::mutex failures_mutex;
  std::map<std::string, int> failures;  // "page -> status" (0: no answer) -> count
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::vector<std::thread> clients;
  const char* pages[] = {"/", "/en/", "/journal/", "/about/", "/assets/style.css", "/nowhere/"};
  for (int i = 0; i < 200; ++i) {
    clients.emplace_back([&, i] {
      int k = i;
      while (std::chrono::steady_clock::now() < end) {
        const char* p = pages[k++ % 6];
        int status = raw_status(preview_->port(), get(p));
        bool ok = std::string(p) == "/nowhere/" ? status == 404 : status == 200;
        (ok ? answered : failed)++;
        if (!ok) {
          std::lock_guard lock(failures_mutex);
          failures[std::string(p) + " -> " + std::to_string(status)]++;
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  std::printf("200 clients, 10 s: %ld answered, %ld failed\n", answered.load(), failed.load());
  std::string kinds;
  for (const auto& [k, n] : failures) kinds += k + " x" + std::to_string(n) + "\n";
  EXPECT_EQ(failed.load(), 0) << kinds;
  EXPECT_GT(answered.load(), 200);
  EXPECT_EQ(raw_status(preview_->port(), get("/")), 200);
}

TEST(NewNeverOverwrites, ExistingFilesLinksAndEscapes) {
  fs::path dir = fresh_dir("new");
  write_corpus(dir / "content", 3, "A");
  auto before = snapshot(dir / "content");
  auto run = [&](std::vector<std::string> args) { return run_takao(args, dir, 60); };
  Outcome a = run({"new", "page", "pages/about.md", "--title", "蓋掉"});
  EXPECT_NE(a.status, 0);
  EXPECT_NE(a.err.find("never overwrites"), std::string::npos) << a.err;
  Outcome b = run({"new", "report", "reports/self-research/report-1.md", "--title", "蓋掉"});
  EXPECT_NE(b.status, 0);
  // A dangling symlink is not written through.
  fs::create_symlink(dir / "target.md", dir / "content/pages/link.md");
  Outcome c = run({"new", "page", "pages/link.md", "--title", "X"});
  EXPECT_NE(c.status, 0);
  EXPECT_FALSE(fs::exists(dir / "target.md"));
  fs::remove(dir / "content/pages/link.md");
  // Out of the content folder.
  Outcome d = run({"new", "page", "../../escape.md", "--title", "X"});
  EXPECT_NE(d.status, 0);
  EXPECT_FALSE(fs::exists(dir.parent_path() / "escape.md"));
  EXPECT_TRUE(snapshot(dir / "content") == before) << "takao new changed existing content";
  // A hostile title gives front matter that still parses, with the title intact.
  Outcome e = run({"new", "page", "pages/fresh.md", "--title", "A\"><script>alert(1)</script>\n: x"});
  ASSERT_EQ(e.status, 0) << e.err;
  Outcome f = run({"check", "--content", "content"});
  EXPECT_EQ(f.status, 0) << f.err;
  Outcome g = run({"new", "page", "pages/fresh.md", "--title", "again"});
  EXPECT_NE(g.status, 0);
}

}  // namespace
