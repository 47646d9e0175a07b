#include "app.hpp"

int main(int argc, char** argv) {
  return ecadm::cli::main(argc, argv);
}
