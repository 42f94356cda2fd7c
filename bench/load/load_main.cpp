// hegemon-load: the server under load beside the ceilings it is judged against, in one run.
// See load_usage() for what it measures, and docs/PERFORMANCE.md for the figures.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "load_options.h"
#include "load_phases.h"
#include "load_table.h"
#include "protocol/frame_codec.h"
#include "protocol/wire.pb.h"
#include "server_load.h"

namespace hegemon::load {
namespace {

/// Ten thousand connections need as many descriptors here and in the server, which inherits
/// the limit.
void raise_descriptor_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

std::filesystem::path default_server_binary() {
  return std::filesystem::read_symlink("/proc/self/exe").parent_path() / "hegemon-server";
}

int run(const LoadOptions& o) {
  raise_descriptor_limit();
  const auto binary = o.server_binary.empty() ? default_server_binary() : o.server_binary;
  if (!std::filesystem::exists(binary))
    throw std::runtime_error("no server at " + binary.string() +
                             "; build it (./hegemon build) or name it with --server");
  const auto base = o.dir.empty() ? std::filesystem::temp_directory_path() : o.dir;
  const auto dir = base / ("hegemon-load-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  struct RemoveAtExit {
    std::filesystem::path dir;
    ~RemoveAtExit() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } remove_at_exit{dir};

  // What travels and what is stored: a budget order set, the commonest request of a match.
  const pb::OrderSet orders = budget_orders("KAR", 1, typical_allocation());
  pb::ClientMessage submit;
  submit.set_request_id(123456);
  submit.mutable_submit_orders()->set_match_id(42);
  *submit.mutable_submit_orders()->mutable_orders() = orders;
  const std::string frame = net::encode_frame(submit);
  const std::string row = orders.SerializeAsString();

  LoadRun load{o, binary, dir, frame, row, {}};
  const double echo_ceiling = run_echo(load);
  run_connections(load);
  run_orders(load, echo_ceiling);
  run_resolving(load);
  run_spectators(load);
  auto& rows = load.rows;
  // The ceilings first, then what the server did against them.
  std::stable_partition(rows.begin(), rows.end(), [](const TableRow& r) {
    return r.target.rfind("ceiling", 0) == 0 || r.target.rfind("context", 0) == 0;
  });
  std::cout << "\n";
  print_table(std::cout, rows);
  return 0;
}

}  // namespace
}  // namespace hegemon::load

int main(int argc, char** argv) {
  using namespace hegemon::load;
  LoadOptions options;
  try {
    options = parse_load_options(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-load: " << e.what() << "\n";
    return 2;
  }
  if (options.help) {
    std::cout << load_usage();
    return 0;
  }
  if (options.version) {
    std::cout << "hegemon-load " << HEGEMON_VERSION << "\n";
    return 0;
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-load: " << e.what() << "\n";
    return 1;
  }
}
