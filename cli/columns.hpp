#pragma once
// Aligned text tables for `list` commands: a header row and left-aligned columns
// separated by two spaces; the last column is not padded.
#include <string>
#include <vector>

#include "context.hpp"

namespace ecadm::cli {

using Row = std::vector<std::string>;

/// Prints header and rows with each column as wide as its widest cell (UTF-8 aware).
inline void print_columns(Context& ctx, const Row& header, const std::vector<Row>& rows) {
  auto width = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<size_t> widths(header.size(), 0);
  for (size_t i = 0; i < header.size(); ++i) widths[i] = width(header[i]);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  auto render = [&](const Row& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - width(row[i]) + 2, ' ');
    }
    ctx.print_line(line);
  };
  render(header);
  for (const auto& row : rows) render(row);
}

}  // namespace ecadm::cli
