// The main of every benchmark executable: Google Benchmark's own, plus --version like every
// other executable of the project.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string_view>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--version") {
      std::printf("%s %s\n", std::filesystem::path(argv[0]).filename().c_str(), HEGEMON_VERSION);
      return 0;
    }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
