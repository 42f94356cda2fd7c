// A copy of the project's assets whose standard ruleset has at least two bot doctrines (the
// project's own when it has them, else two added to the copy), for tests that choose doctrines
// per seat. Removed with the object.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"
#include "test_server.h"

namespace hegemon::testing {

class AssetsWithDoctrines {
 public:
  AssetsWithDoctrines();

  /// The assets folder, for ServerSettings::assets_dir or the client's catalog.
  std::string path() const;
  /// The standard ruleset's doctrine names, in its order (at least two).
  const std::vector<std::string>& names() const { return names_; }
  /// The doctrine a tutorial state is played by when the match does not choose one.
  std::string default_of(const std::string& state) const;

 private:
  TempDir dir_;
  World tutorial_;
  std::vector<std::string> names_;
};

}  // namespace hegemon::testing
