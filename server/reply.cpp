#include "server/reply.h"

#include "server/match_phase.h"

namespace hegemon::server {

pb::ServerMessage error_message(pb::ErrorCode code, const std::string& reason) {
  pb::ServerMessage m;
  m.mutable_error()->set_code(code);
  m.mutable_error()->set_reason(reason);
  return m;
}

pb::ServerMessage error_message(const Verdict& refusal) {
  return error_message(refusal.code, refusal.reason);
}

pb::ServerMessage ack_message() {
  pb::ServerMessage m;
  m.mutable_ack();
  return m;
}

}  // namespace hegemon::server
