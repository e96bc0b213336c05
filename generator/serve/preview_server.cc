#include "serve/preview_server.h"

#include <httplib.h>
#include <limits.h>
#include <sys/socket.h>
#include <stdlib.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "serve/path_guard.h"

namespace takao {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

std::optional<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr const char* kWaitingPage =
    "<!doctype html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\"><title>takao serve</title>"
    "<script type=\"module\" src=\"/__takao/preview.mjs\"></script></head><body>"
    "<p>預覽尚未建置成功。The preview has not built yet: see the errors in the terminal.</p></body></html>\n";

}  // namespace

std::string content_type_for(const std::string& path) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"}, {".xml", "application/xml"}, {".atom", "application/atom+xml"},
      {".txt", "text/plain; charset=utf-8"}, {".csv", "text/csv; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
      {".webp", "image/webp"}, {".pdf", "application/pdf"}, {".woff2", "font/woff2"}, {".ico", "image/x-icon"},
  };
  for (const auto& [ext, type] : types) {
    if (ends_with(path, ext)) return type;
  }
  return "application/octet-stream";
}

PreviewServer::PreviewServer(const std::string& root, std::string preview_script, ReloadHub& hub)
    : script_(std::move(preview_script)), hub_(hub), server_(std::make_unique<httplib::Server>()) {
  char resolved[PATH_MAX];
  root_ = realpath(root.c_str(), resolved) ? std::string(resolved) : root;
  auto& svr = *server_;
  // No SO_REUSEPORT (cpp-httplib's default): a port another process listens on must fail to bind, not be
  // shared with it.
  svr.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const char*>(&yes), sizeof yes);
    listen_fd_ = sock;
  });
  // Event streams hold a thread each for as long as a page is open.
  svr.new_task_queue = [] { return new httplib::ThreadPool(64); };
  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() > kMaxTargetBytes) {
      res.status = 414;
      res.set_content("URI too long\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  svr.Get("/__takao/events", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    uint64_t start = hub_.latest().id;
    auto sent_status = std::make_shared<bool>(false);
    auto last = std::make_shared<uint64_t>(start);
    res.set_chunked_content_provider("text/event-stream", [this, sent_status, last](size_t, httplib::DataSink& sink) {
      if (!*sent_status) {
        // A page that opens while the content has errors shows them at once.
        *sent_status = true;
        PreviewEvent s = hub_.status();
        std::string hello = "retry: 500\n\n";
        if (s.name == "build-error") hello += format_event(s);
        return sink.write(hello.data(), hello.size());
      }
      PreviewEvent e = hub_.wait_after(*last, std::chrono::seconds(10));
      if (hub_.stopped()) {
        sink.done();
        return true;
      }
      std::string text;
      if (e.id > *last) {
        *last = e.id;
        text = format_event(e);
      } else {
        text = ": keep-alive\n\n";
      }
      return sink.write(text.data(), text.size());
    });
  });
  svr.Get("/__takao/status", [this](const httplib::Request&, httplib::Response& res) {
    PreviewEvent s = hub_.status();
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"id\":" + std::to_string(s.id) + ",\"state\":\"" + s.name + "\",\"data\":" + s.data + "}",
                    "application/json");
  });
  svr.Get("/__takao/preview.mjs", [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(script_, "text/javascript; charset=utf-8");
  });
  svr.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto file = file_for_target(root_, req.target);
    if (!ready_) {
      res.status = 503;
      res.set_content(kWaitingPage, "text/html; charset=utf-8");
      return;
    }
    if (file && file->redirect_slash) {
      std::string target = req.target;
      size_t q = target.find('?');
      std::string path = target.substr(0, q), query = q == std::string::npos ? "" : target.substr(q);
      res.status = 301;
      res.set_header("Location", path + "/" + query);
      return;
    }
    std::optional<std::string> body = file ? slurp(file->path) : std::nullopt;
    if (!body) {
      // The site's own 404 page, in the language of the address.
      res.status = 404;
      bool en = req.target.rfind("/en/", 0) == 0;
      auto page = slurp(root_ + (en ? "/en/404.html" : "/404.html"));
      if (page) res.set_content(*page, "text/html; charset=utf-8");
      else res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_content(*body, content_type_for(file->path));
  });
}

PreviewServer::~PreviewServer() = default;

int PreviewServer::bind(int port) {
  int bound = port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
  // cpp-httplib listens with a backlog of 5 (compiled into Debian's library): 200 clients at once
  // overflowed it and some waited 20 s for a retried SYN. Listening again only deepens the queue.
  if (bound > 0 && listen_fd_ >= 0) ::listen(listen_fd_, SOMAXCONN);
  return bound;
}

void PreviewServer::run() { server_->listen_after_bind(); }

void PreviewServer::stop() {
  hub_.stop();
  server_->stop();
}

}  // namespace takao
