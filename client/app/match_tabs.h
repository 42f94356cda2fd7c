// The tabs on the right of the match screen, in their order.
#pragma once

namespace hegemon::client {

enum class MatchTab {
  Budget,
  Diplomacy,
  Threats,
  Finlandization,
  Goals,
  History,
  Report,
  Chat,
  Seats
};

inline constexpr MatchTab kMatchTabs[] = {
    MatchTab::Budget,         MatchTab::Diplomacy, MatchTab::Threats,
    MatchTab::Finlandization, MatchTab::Goals,     MatchTab::History,
    MatchTab::Report,         MatchTab::Chat,      MatchTab::Seats};

inline const char* tab_title(MatchTab tab) {
  switch (tab) {
    case MatchTab::Budget: return "Budget";
    case MatchTab::Diplomacy: return "Diplomacy";
    case MatchTab::Threats: return "Threats";
    case MatchTab::Finlandization: return "Finlandization";
    case MatchTab::Goals:
      return "Goals";
    case MatchTab::History: return "History";
    case MatchTab::Report: return "Report";
    case MatchTab::Chat: return "Chat";
    case MatchTab::Seats: return "Players";
  }
  return "";
}

}  // namespace hegemon::client
