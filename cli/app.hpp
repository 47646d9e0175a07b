#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace ecadm::cli {

/// Parses args (without the program name), runs the command and returns its exit
/// code (SPEC.md "Exit status"). The one place that catches errors.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, std::istream& in);

/// main()'s one call.
int main(int argc, char** argv);

}  // namespace ecadm::cli
