#include "output/staging.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/disk.h"
#include "core/parallel.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

// The process's umask, from /proc (umask() can only read it by changing it, which would race with threads
// creating files); 022 when /proc cannot tell.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  }
  return 022;
}

std::mutex failure_mutex;

constexpr std::string_view kMarkerText = "This folder was written by takao build; it may be replaced whole at the next build.\n";

std::string parent_of(const std::string& full) { return full.substr(0, full.rfind('/')); }

// True when the regular file `path` holds exactly `bytes`.
bool holds(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == bytes.size();
  std::string got(bytes.size(), '\0');
  same = same && ::read(fd, got.data(), got.size()) == static_cast<ssize_t>(got.size()) && got == bytes;
  ::close(fd);
  return same;
}

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

// Removes a folder with a detached `nice rm -rf`, so the build need not wait: on this kind of disk removing the
// 40,000 entries of a 2,000-page site took 6.5 s, longer than the rest of a warm build. Without rm, removes
// it here and now.
void remove_detached(const fs::path& folder) {
  std::string target = folder.string();
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  // Its own session, and no terminal or pipe of ours: whoever reads takao's output is not kept waiting.
  for (int fd = 0; fd <= 2; ++fd) posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd ? O_WRONLY : O_RDONLY, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  // At the lowest CPU priority: back-to-back builds (a benchmark, an editor saving twice) each leave an
  // old site behind, and its removal competed with the next build for both cores.
  const char* niced[] = {"nice", "-n", "19", "rm", "-rf", "--", target.c_str(), nullptr};
  const char* plain[] = {"rm", "-rf", "--", target.c_str(), nullptr};
  bool have_nice = ::access("/usr/bin/nice", X_OK) == 0;
  pid_t pid;
  int rc = posix_spawn(&pid, have_nice ? "/usr/bin/nice" : "/bin/rm", &actions, &attr,
                       const_cast<char* const*>(have_nice ? niced : plain), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  std::error_code ec;
  if (rc != 0) fs::remove_all(folder, ec);
}

// The previous site, swapped out of the output folder, is renamed ".NAME.takao-old-PID" (a name no reader
// of the output folder looks at) and removed in the background; a later build hands any such folder that
// is still there (rm killed, machine stopped) to another rm.
void remove_previous_site(const std::string& previous) {
  fs::path p(previous);
  std::string name = p.filename().string();
  size_t at = name.rfind(".takao-staging-");
  fs::path old = p.parent_path() / (name.substr(0, at) + ".takao-old-" + std::to_string(getpid()));
  std::error_code ec;
  fs::remove_all(old, ec);
  if (::rename(previous.c_str(), old.c_str()) != 0) old = p;
  remove_detached(old);
}

// Staging folders of builds that were killed: ".NAME.takao-staging-PID" beside the output, PID gone; and
// the build state they had written for the swap they did not reach (".NAME.takao-state.tmp-PID").
void remove_abandoned_staging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".takao-staging-";
  std::string old_prefix = "." + out.filename().string() + ".takao-old-";
  std::string state_prefix = "." + out.filename().string() + ".takao-state.tmp-";
  std::error_code ec;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    // A previous site a detached rm did not finish, or is still removing (two removing it is harmless).
    if (name.compare(0, old_prefix.size(), old_prefix) == 0 && name.size() > old_prefix.size() &&
        name.find_first_not_of("0123456789", old_prefix.size()) == std::string::npos) {
      remove_detached(it->path());
      continue;
    }
    bool state = name.compare(0, state_prefix.size(), state_prefix) == 0;
    if (!state && name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string pid_text = name.substr(state ? state_prefix.size() : prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) continue;
    pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid == getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) {
      std::error_code rm;
      fs::remove_all(it->path(), rm);
    }
  }
}

// fsync (a folder) or fdatasync (a file) of `path`; errno is kept on failure.
bool sync_path(const std::string& path, bool folder) {
  int fd = ::open(path.c_str(), (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  int rc = folder ? ::fsync(fd) : ::fdatasync(fd);
  int saved = errno;
  ::close(fd);
  errno = saved;
  return rc == 0;
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

std::string StagingFolder::spare_for(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return (out.parent_path() / ("." + out.filename().string() + ".takao-spare")).string();
}

StagingFolder::~StagingFolder() {
  if (spare_lock_ >= 0) ::close(spare_lock_);
  // A spare left half brought up to date is still a spare: the next build checks every entry of it again.
  if (!staging_.empty() && !committed_ && !spare_) {
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
  // The folders made here hold the output: their entries in their parents are synced at the commit.
  made_ancestors_.clear();
  for (fs::path p = out.parent_path(); p.has_relative_path() && !fs::exists(p, ec); p = p.parent_path()) {
    made_ancestors_.push_back(p.string());
  }
  fs::create_directories(out.parent_path(), ec);
  remove_abandoned_staging(out);
  have_site_ = fs::exists(out / kOutputMarker, ec);
  file_mode_ = 0644 & ~current_umask();
  folders_.clear();
  written_.clear();
  produced_.clear();
  changed_.clear();
  // The spare, when it is a real folder (not a symlink) holding the marker, and no other build has it.
  std::string spare = spare_for(out_);
  int fd = ::open(spare.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstatat(fd, kOutputMarker, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode)) {
      spare_ = true;
      spare_lock_ = fd;
      staging_ = spare;
      folders_.insert(staging_);
      std::string marker = staging_ + "/" + kOutputMarker;
      if (holds(marker, kMarkerText)) {
        produced(marker);
        return true;
      }
      return write(kOutputMarker, kMarkerText);
    }
    ::close(fd);
    // An empty folder there (the output folder was empty when swapped out) would keep the name taken.
    ::rmdir(spare.c_str());
  }
  staging_ = (out.parent_path() / ("." + out.filename().string() + ".takao-staging-" + std::to_string(getpid()))).string();
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec)) {
    diags.error(out_dir, 1, 1, "cannot create the staging folder " + staging_ + ": " + ec.message());
    staging_.clear();
    return false;
  }
  return write(kOutputMarker, kMarkerText);
}

void StagingFolder::changed(const std::string& folder) {
  if (!spare_) return;  // a fresh tree syncs all its folders
  std::lock_guard lock(changed_mutex_);
  changed_.insert(folder);
}

void StagingFolder::produced(std::string full, const struct stat* st) {
  if (!spare_) return;
  std::optional<EntryStamp> stamp;
  if (st) stamp = entry_stamp(*st);
  std::lock_guard lock(changed_mutex_);
  produced_.emplace_back(std::move(full), stamp);
}

bool StagingFolder::clear(const std::string& full) {
  if (::unlink(full.c_str()) == 0) {
    changed(parent_of(full));
    return true;
  }
  if (errno == ENOENT) return true;
  if (errno != EISDIR && errno != EPERM) return false;
  std::error_code ec;
  fs::remove_all(full, ec);
  changed(parent_of(full));
  return !ec;
}

bool StagingFolder::ensure_parent(const std::string& full) {
  std::string parent = parent_of(full);
  {
    std::lock_guard lock(folders_mutex_);
    if (folders_.count(parent)) return true;
  }
  // In the spare the folder is usually there already. Anything else where the new site has a folder (a
  // file, a symlink put there from outside) is removed, never followed.
  if (spare_) {
    // Top-down, so that no folder on the way is a symlink: lstat does not follow the last part only.
    if (parent.size() > staging_.size() && !ensure_parent(parent)) return false;
    struct stat st;
    if (::lstat(parent.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        std::lock_guard lock(folders_mutex_);
        folders_.insert(std::move(parent));
        return true;
      }
      if (!clear(parent)) {
        fail("cannot replace " + parent + ": " + std::strerror(errno));
        return false;
      }
    }
  }
  // mkdir first and look at its answer: one system call for a new folder, where create_directories
  // asks about the folder and its parent before making it.
  bool made = ::mkdir(parent.c_str(), 0755) == 0;
  if (!made && errno != EEXIST) {
    if (errno != ENOENT || parent.size() <= staging_.size() || !ensure_parent(parent) ||
        (!(made = ::mkdir(parent.c_str(), 0755) == 0) && errno != EEXIST)) {
      fail("cannot create " + parent + ": " + std::strerror(errno));
      return false;
    }
  }
  if (made) changed(parent_of(parent));
  std::lock_guard lock(folders_mutex_);
  folders_.insert(std::move(parent));
  return true;
}

bool StagingFolder::write(const std::string& path, std::string_view bytes, DiskStamp* stamp) {
  std::string full = staging_ + "/" + path;
  if (!ensure_parent(full)) return false;
  // Never O_TRUNC: an entry already here may be a hard link into the live site (reuse()), and writing
  // through it would change the site being served. A new inode every time.
  // In the spare, the entry there is usually a link to a file of the live site: unlinked, never written.
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0 && errno == EEXIST && clear(full)) {
    fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    fail("cannot write " + path + ": " + std::strerror(errno));
    return false;
  }
  if (!write_fully(fd, bytes)) {
    fail("cannot write " + path + ": " + std::strerror(errno));
    ::close(fd);
    return false;
  }
  // Starts writing the data to the disk now, without waiting: sync() then finds most of it written.
  ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  struct stat st;
  bool stat_ok = ::fstat(fd, &st) == 0;
  if (stamp) *stamp = stat_ok ? stamp_of(st) : DiskStamp{};
  ::close(fd);
  changed(parent_of(full));
  produced(full, stat_ok ? &st : nullptr);
  std::lock_guard lock(written_mutex_);
  written_.push_back(std::move(full));
  return true;
}

bool StagingFolder::copy(const std::string& path, const std::string& from) {
  std::string full = staging_ + "/" + path;
  if (!ensure_parent(full)) return false;
  std::error_code ec;
  if (spare_) {
    // Already the very file (a link made by an earlier build): nothing to do.
    struct stat have, want;
    if (::lstat(full.c_str(), &have) == 0) {
      if (S_ISREG(have.st_mode) && ::lstat(from.c_str(), &want) == 0 && have.st_ino == want.st_ino &&
          have.st_dev == want.st_dev) {
        produced(full, &have);
        return true;
      }
      if (!clear(full)) {
        fail("cannot replace " + full + ": " + std::strerror(errno));
        return false;
      }
    }
    changed(parent_of(full));
    produced(full);
  }
  // A hard link costs nothing and the source is never modified through it; fall back to a copy.
  fs::create_hard_link(from, full, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(from, full, fs::copy_options::overwrite_existing, ec);
    if (!ec) {
      std::lock_guard lock(written_mutex_);
      written_.push_back(full);
    }
  }
  if (ec) {
    fail("cannot copy " + from + ": " + ec.message());
    return false;
  }
  return true;
}

bool StagingFolder::reuse(const std::string& path, std::string_view bytes, DiskStamp* stamp) {
  if (!have_site_) return false;
  std::string from = out_ + "/" + path;
  int fd = ::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == bytes.size();
  if (same) {
    thread_local std::string old;
    old.resize(bytes.size());
    size_t got = 0;
    while (got < old.size()) {
      ssize_t n = ::read(fd, old.data() + got, old.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    same = got == bytes.size() && std::string_view(old) == bytes;
  }
  ::close(fd);
  return same && link_from_site(path, &st, stamp);
}

bool StagingFolder::reuse_twin(const std::string& path, DiskStamp* stamp) {
  if (!have_site_) return false;
  // No look before linking: linkat fails when the twin is missing, and the new entry is checked after.
  return link_from_site(path, nullptr, stamp);
}

bool StagingFolder::reuse_recorded(const std::string& path, const DiskStamp& recorded) {
  if (!have_site_ || !recorded.present()) return false;
  return link_from_site(path, nullptr, nullptr, &recorded);
}

// Links the current site's `path` into the staging folder and checks that the link is a regular file and,
// when given, the very file examined (`expected`): had the site's entry been replaced by a symlink or
// another file in between, the new entry is removed and the caller writes the file afresh.
bool StagingFolder::link_from_site(const std::string& path, const struct stat* expected, DiskStamp* stamp,
                                   const DiskStamp* recorded) {
  std::string full = staging_ + "/" + path;
  std::string live = out_ + "/" + path;
  if (!ensure_parent(full)) return false;
  struct stat st;
  if (spare_ && ::lstat(full.c_str(), &st) == 0) {
    // The spare's entry is kept when it is, right now, the same file as the live entry, and that is the
    // file the caller vouches for. Two entries naming one inode at the same moment are one file. When the
    // build state vouches for the file (`recorded`: inode, size, mtime), the spare's entry being that very
    // file is enough, whatever the live entry is now: the live one is not looked at (half of the lookups
    // of a rebuild's kept pages).
    struct stat site;
    bool regular = S_ISREG(st.st_mode) && (st.st_mode & 07777) == file_mode_;
    bool same = recorded ? regular && stamp_of(st) == *recorded
                         : regular && ::lstat(live.c_str(), &site) == 0 && site.st_ino == st.st_ino && site.st_dev == st.st_dev &&
                               (!expected || (st.st_ino == expected->st_ino && st.st_dev == expected->st_dev));
    if (same) {
      if (stamp) *stamp = stamp_of(st);
      produced(full, &st);
      ++reused_;
      ++kept_;
      return true;
    }
    if (!clear(full)) return false;
  }
  if (::linkat(AT_FDCWD, live.c_str(), AT_FDCWD, full.c_str(), 0) != 0) return false;
  changed(parent_of(full));
  // linkat links a symbolic link itself, so the new entry is looked at, not the site's.
  // A file whose permissions were changed from outside is not what a clean build writes: made afresh.
  if (::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 07777) != file_mode_ ||
      (expected && (st.st_ino != expected->st_ino || st.st_dev != expected->st_dev)) ||
      (recorded && stamp_of(st) != *recorded)) {
    ::unlink(full.c_str());
    return false;
  }
  if (stamp) *stamp = stamp_of(st);
  produced(full, &st);
  ++reused_;
  return true;
}

// One walk of the spare (list_tree): what this build did not produce is removed; what stays is listed with
// its stamp, which is the tree the tree record needs after the swap: it need not walk the tree again (that
// walk and this one were each 0.6-1 s of a rebuild on the 10,000-page corpus).
void StagingFolder::prune(int threads) {
  std::vector<std::pair<std::string, std::optional<EntryStamp>>> files;
  {
    std::lock_guard lock(changed_mutex_);
    files.swap(produced_);
  }
  // A file produced more than once is what the last producer left (each looks at it when it is done).
  std::unordered_map<std::string, std::optional<EntryStamp>> keep;
  keep.reserve(files.size());
  std::unordered_set<std::string> dirs;
  for (auto& [f, stamp] : files) {
    for (std::string p = parent_of(f); p.size() > staging_.size() && dirs.insert(p).second;) p = parent_of(p);
    keep.insert_or_assign(std::move(f), stamp);
  }
  // A file's stamp as the build last saw it is listed without a look: had anything changed it since,
  // the tree record would differ from the tree and the next build would look at everything (a stale
  // stamp costs time, never trust).
  listing_ = list_tree(
      staging_, threads,
      [&](const std::string& path, bool folder, std::optional<EntryStamp>& known) {
        if (folder) return dirs.count(path) > 0;
        auto it = keep.find(path);
        if (it == keep.end()) return false;
        known = it->second;
        return true;
      },
      [&](const std::string& path) {
        if (clear(path)) return true;
        fail("cannot remove " + path + ": " + std::strerror(errno));
        return false;
      });
  // A folder or entry that could not be read may hold what this build did not produce: not a site to swap in.
  if (!listing_ && !failed_) fail("cannot list " + staging_ + " to remove what this build did not produce");
  if (failed_) listing_.reset();
}

// Not sync() or syncfs(): they flush every dirty page of the machine or the file system, not just ours
// (sync() took 17-23 s of a 2,000-page build while other jobs wrote). Not an fsync in the worker right
// after each write either: on ext4 each one waits for its own journal commit and disk flush, one after
// the other. Here, once everything is written (and its writeback started by write()), the first
// fdatasync commits the journal for all the files written so far and the others mostly find their data
// already on the disk.
bool StagingFolder::sync(int threads) {
  if (failed_ || staging_.empty()) return !failed_;
  std::vector<std::string> folders;
  if (spare_) {
    // The spare: what this build did not produce goes, and only the folders whose entries changed (files
    // written, linked, unlinked, folders made or removed) are synced; the others were synced when they
    // last changed.
    prune(threads);
    std::lock_guard lock(changed_mutex_);
    for (const auto& f : changed_) {
      struct stat st;
      if (::lstat(f.c_str(), &st) == 0) folders.push_back(f);  // not one removed since
    }
  } else {
    std::lock_guard lock(folders_mutex_);
    folders.assign(folders_.begin(), folders_.end());
  }
  std::vector<std::string> files;
  {
    std::lock_guard lock(written_mutex_);
    files.swap(written_);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  // Files, then the folders that name them; what matters is that all of it is on the disk before the swap.
  for (const auto* group : {&files, &folders}) {
    bool folder = group == &folders;
    parallel_for(group->size(), threads, [&](size_t i) {
      if (!sync_path((*group)[i], folder)) fail("cannot write " + (*group)[i] + " to the disk: " + std::strerror(errno));
    });
  }
  return !failed_;
}

bool StagingFolder::commit(Diagnostics& diags, const std::function<void()>& after_swap) {
  if (failed_) {
    diags.error(out_, 1, 1, failure_);
    return false;
  }
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      diags.error(out_, 1, 1, std::string("cannot swap in the new site: ") + std::strerror(errno));
      return false;
    }
    committed_ = true;
  } else {
    if (::rename(staging_.c_str(), out_.c_str()) != 0) {
      diags.error(out_, 1, 1, std::string("cannot move the new site into place: ") + std::strerror(errno));
      return false;
    }
    committed_ = true;
  }
  if (after_swap) after_swap();
  // The previous site, now under the staging folder's name, becomes the spare when it is a site takao made
  // and there is no spare yet; otherwise it is removed in the background.
  bool previous = !spare_ && fs::exists(staging_, ec);
  if (previous) {
    struct stat st;
    std::string spare = spare_for(out_);
    if (::lstat((staging_ + "/" + kOutputMarker).c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::lstat(spare.c_str(), &st) != 0 && errno == ENOENT && ::rename(staging_.c_str(), spare.c_str()) == 0) {
      previous = false;
    }
  }
  // The swap (and what after_swap renamed beside it) is durable once the parent folder is; so are the
  // folders begin() made to hold the output, once their own parents are.
  std::string parent = fs::path(out_).parent_path().string();
  if (!sync_path(parent, true)) {
    diags.warning(out_, 1, 1, "the new site is in place but may not survive a power cut: cannot sync " + parent + ": " + std::strerror(errno));
  }
  for (const auto& made : made_ancestors_) sync_path(fs::path(made).parent_path().string(), true);
  if (previous) remove_previous_site(staging_);
  return true;
}

}  // namespace takao
