// The preview's HTTP side (cpp-httplib): the output folder's files on 127.0.0.1 only, never anything
// outside it, and /__takao/events, the server-sent events that reload open pages or show a build error.
#pragma once
#include <memory>
#include <string>

#include "serve/reload_hub.h"

namespace httplib {
class Server;
}

namespace takao {

class PreviewServer {
 public:
  // `root`: the output folder; `preview_script`: the text of takao-preview.mjs, also served at
  // /__takao/preview.mjs for the page shown before the first good build.
  PreviewServer(const std::string& root, std::string preview_script, ReloadHub& hub);
  ~PreviewServer();

  // Binds 127.0.0.1:`port` (0: any free port). Returns the port, or -1 when it is taken.
  int bind(int port);
  // Serves until stop(); call from its own thread.
  void run();
  void stop();
  // Until the first good build, pages answer 503 with a page that shows the errors and reloads on success.
  void set_site_ready(bool ready) { ready_ = ready; }

 private:
  std::string root_;
  std::string script_;
  ReloadHub& hub_;
  std::unique_ptr<httplib::Server> server_;
  int listen_fd_ = -1;  // the listening socket, to deepen its backlog after bind
  std::atomic<bool> ready_{false};
};

// "text/html; charset=utf-8" and so on, by file name.
std::string content_type_for(const std::string& path);

}  // namespace takao
