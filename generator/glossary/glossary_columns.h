// The columns of a glossary table, shared by the Markdown and CSV readers: which header names what, and
// how a row of cells becomes an entry.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "glossary/glossary_entry.h"
#include "glossary/glossary_reader.h"

namespace takao {

struct GlossaryCell {
  std::string text;  // as read, before trimming
  int line = 0;
  int col = 0;
};

enum class GlossaryColumn { zh, en, category, district, aliases, note, source, unknown };

// Maps header cells to columns; unknown headers are a warning, a missing 中文 or English an error
// (nullopt: the table is skipped).
std::optional<std::vector<GlossaryColumn>> read_glossary_header(const std::vector<GlossaryCell>& header, int line,
                                                                const GlossaryTableInfo& info, Diagnostics& diags);

// One row to an entry; an empty 中文 or English is an error (nullopt).
std::optional<GlossaryEntry> read_glossary_row(const std::vector<GlossaryColumn>& columns,
                                               const std::vector<GlossaryCell>& cells, int line, int col,
                                               const GlossaryTableInfo& info, Diagnostics& diags);

}  // namespace takao
