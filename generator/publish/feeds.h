// Atom feeds (RFC 4287) of new journal issues and new reports, one per language, so readers and
// aggregators hear of new publications: journal/feed.atom, reports/feed.atom and their /en twins.
#pragma once
#include "core/output_file.h"
#include "model/site.h"

namespace takao {

// The newest this many entries go into a feed.
constexpr size_t kFeedMaxEntries = 50;

// "2014-08-01" -> "2014-08-01T00:00:00+08:00": dates in the content are Taiwan's calendar days.
std::string atom_date(const Date& date);

// Feeds for what the site has: none without issues (journal) or reports.
OutputFiles write_feeds(const Site& site);

}  // namespace takao
