// Every connection is a file descriptor, and Linux gives a process 1 024 of them unless told
// otherwise: the server raises its own soft limit as far as the hard limit lets it.
#pragma once

#include <cstddef>
#include <string>

namespace hegemon::server {

/// Descriptors the server needs besides its connections: the listening socket, the database
/// and its journal, the event loop's own, the log.
inline constexpr std::size_t kDescriptorReserve = 64;

/// Raises the soft limit on open files to what `connections` need (up to the hard limit).
/// Returns a sentence for the operator when the limit stays too low, or an empty string.
std::string raise_descriptor_limit(std::size_t connections);

}  // namespace hegemon::server
