#include "output/staging.h"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace fs = std::filesystem;

namespace takao {

namespace {

std::mutex failure_mutex;

// True when `inner` is `outer` or lies below it (both absolute and normalised).
bool inside(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
  if (ec) p = fs::absolute(path).lexically_normal();
  if (p.has_relative_path() && p.filename().empty()) p = p.parent_path();
  return p;
}

// Staging folders of builds that were killed: ".NAME.takao-staging-PID" beside the output, PID gone.
void remove_abandoned_staging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".takao-staging-";
  std::error_code ec;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0 || name.size() == prefix.size()) continue;
    std::string pid_text = name.substr(prefix.size());
    if (pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) continue;
    pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid == getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) {
      std::error_code rm;
      fs::remove_all(it->path(), rm);
    }
  }
}

}  // namespace

bool check_output_folder(const std::string& out_dir, const std::string& content_dir, Diagnostics& diags) {
  fs::path out = resolved(out_dir);
  fs::path content = resolved(content_dir);
  auto refuse = [&](const std::string& why) {
    diags.error(out_dir, 1, 1, "refusing to use " + out_dir + " as the output folder: " + why);
    return false;
  };
  if (out == out.root_path()) return refuse("it is the root of the file system");
  const char* home = std::getenv("HOME");
  const passwd* user = getpwuid(getuid());
  if ((home && *home && out == resolved(home)) || (user && user->pw_dir && out == resolved(user->pw_dir))) {
    return refuse("it is the home folder");
  }
  if (inside(content, out)) {
    return refuse(out == content ? "it is the content folder" : "it holds the content folder " + content_dir);
  }
  if (inside(out, content)) return refuse("it is inside the content folder " + content_dir);
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) return refuse("it is a file, not a folder");
  if (fs::exists(out / ".git", ec)) return refuse("it is the root of a repository (it holds .git)");
  bool empty = fs::is_empty(out, ec);
  if (ec) return refuse("cannot read it: " + ec.message());
  if (!empty && !fs::exists(out / kOutputMarker, ec)) {
    return refuse(std::string("it is not empty and was not made by takao (no ") + kOutputMarker +
                  " file in it); empty it or choose another folder");
  }
  return true;
}

StagingFolder::~StagingFolder() {
  if (!staging_.empty() && !committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
}

void StagingFolder::fail(const std::string& message) {
  std::lock_guard lock(failure_mutex);
  if (!failed_) failure_ = message;
  failed_ = true;
}

bool StagingFolder::begin(const std::string& out_dir, Diagnostics& diags) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  out_ = out.string();
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  remove_abandoned_staging(out);
  staging_ = (out.parent_path() / ("." + out.filename().string() + ".takao-staging-" + std::to_string(getpid()))).string();
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec)) {
    diags.error(out_dir, 1, 1, "cannot create the staging folder " + staging_ + ": " + ec.message());
    staging_.clear();
    return false;
  }
  return write(kOutputMarker, "This folder was written by takao build; it may be replaced whole at the next build.\n");
}

bool StagingFolder::ensure_parent(const std::string& full) {
  fs::path parent = fs::path(full).parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec && !fs::is_directory(parent)) {
    fail("cannot create " + parent.string() + ": " + ec.message());
    return false;
  }
  return true;
}

bool StagingFolder::write(const std::string& path, std::string_view bytes) {
  std::string full = staging_ + "/" + path;
  if (!ensure_parent(full)) return false;
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    fail("cannot write " + path + ": " + std::strerror(errno));
    return false;
  }
  const char* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write " + path + ": " + std::strerror(errno));
      ::close(fd);
      return false;
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  ::close(fd);
  return true;
}

bool StagingFolder::copy(const std::string& path, const std::string& from) {
  std::string full = staging_ + "/" + path;
  if (!ensure_parent(full)) return false;
  std::error_code ec;
  // A hard link costs nothing and the source is never modified through it; fall back to a copy.
  fs::create_hard_link(from, full, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(from, full, fs::copy_options::overwrite_existing, ec);
  }
  if (ec) {
    fail("cannot copy " + from + ": " + ec.message());
    return false;
  }
  return true;
}

bool StagingFolder::commit(Diagnostics& diags) {
  if (failed_) {
    diags.error(out_, 1, 1, failure_);
    return false;
  }
  // Make the new files durable before they become the site.
  sync();
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      diags.error(out_, 1, 1, std::string("cannot swap in the new site: ") + std::strerror(errno));
      return false;
    }
    committed_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous site
  } else {
    if (::rename(staging_.c_str(), out_.c_str()) != 0) {
      diags.error(out_, 1, 1, std::string("cannot move the new site into place: ") + std::strerror(errno));
      return false;
    }
    committed_ = true;
  }
  return true;
}

}  // namespace takao
