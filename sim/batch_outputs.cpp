#include "sim/batch_outputs.h"

#include <memory>
#include <stdexcept>

#include "sim/compact_history.h"
#include "sim/tables.h"

namespace hegemon::sim {

BatchOutputs::File* BatchOutputs::open(const std::string& path) {
  if (path.empty()) return nullptr;
  auto file = std::make_unique<File>();
  file->path = path;
  file->stream.open(path, std::ios::binary | std::ios::trunc);
  if (!file->stream) throw std::runtime_error("cannot write " + path);
  files_.push_back(std::move(file));
  return files_.back().get();
}

BatchOutputs::BatchOutputs(const SimOptions& o, const World& start, bool headers) {
  matches_ = open(o.matches_csv);
  turns_ = open(o.turns_csv);
  decisions_ = open(o.decisions_csv);
  threats_ = open(o.threats_csv);
  treaties_ = open(o.treaties_csv);
  history_ = open(o.history_json);
  choice_ = {matches_ != nullptr, turns_ != nullptr,    decisions_ != nullptr,
             threats_ != nullptr, treaties_ != nullptr, history_ != nullptr};
  if (!headers) return;
  if (matches_) matches_->stream << kMatchesHeader;
  if (turns_) turns_->stream << kTurnsHeader;
  if (decisions_) decisions_->stream << kDecisionsHeader;
  if (threats_) threats_->stream << kThreatsHeader;
  if (treaties_) treaties_->stream << kTreatiesHeader;
  if (history_) history_->stream << history_start_line(start);
}

void BatchOutputs::write(const MatchText& t) {
  if (matches_) matches_->stream << t.matches;
  if (turns_) turns_->stream << t.turns;
  if (decisions_) decisions_->stream << t.decisions;
  if (threats_) threats_->stream << t.threats;
  if (treaties_) treaties_->stream << t.treaties;
  if (history_) history_->stream << t.history;
}

void BatchOutputs::close() {
  for (auto& file : files_) {
    file->stream.close();
    if (!file->stream) throw std::runtime_error("cannot write " + file->path);
  }
}

}  // namespace hegemon::sim
