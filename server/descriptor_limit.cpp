#include "server/descriptor_limit.h"

#include <sys/resource.h>

namespace hegemon::server {

std::string raise_descriptor_limit(std::size_t connections) {
  const rlim_t needed = static_cast<rlim_t>(connections + kDescriptorReserve);
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return {};
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? needed : std::min(needed, limit.rlim_max);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= needed) return {};
  return "the process may open only " + std::to_string(limit.rlim_cur) +
         " files (hard limit " + std::to_string(limit.rlim_max) + "), so it holds about " +
         std::to_string(limit.rlim_cur > kDescriptorReserve ? limit.rlim_cur - kDescriptorReserve
                                                            : 0) +
         " of the " + std::to_string(connections) +
         " connections max_sessions allows; raise the hard limit to at least " +
         std::to_string(needed) + " (ulimit -Hn, or LimitNOFILE= in a systemd unit)";
}

}  // namespace hegemon::server
