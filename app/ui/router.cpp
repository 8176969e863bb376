#include "ui/router.h"

namespace openday::ui {

void Router::push(const std::string& route) { pending_ = Request{Request::Kind::Push, {route}}; }
void Router::replace(const std::string& route) { pending_ = Request{Request::Kind::Replace, {route}}; }
void Router::back() { pending_ = Request{Request::Kind::Back, {}}; }
void Router::home() { pending_ = Request{Request::Kind::Home, {}}; }
void Router::reset_to(const std::vector<std::string>& stack) { pending_ = Request{Request::Kind::Reset, stack}; }

std::string Router::upcoming_route() const {
  if (!pending_) return current_route();
  switch (pending_->kind) {
    case Request::Kind::Push:
    case Request::Kind::Replace: return pending_->routes.front();
    case Request::Kind::Back: return stack_.size() > 1 ? stack_[stack_.size() - 2].route : current_route();
    case Request::Kind::Home: return "home";
    case Request::Kind::Reset: return pending_->routes.empty() ? current_route() : pending_->routes.back();
  }
  return current_route();
}

Router::Entry Router::open(const std::string& route) const {
  OpenedScreen opened = factory_(route);
  return Entry{std::move(opened.screen), std::move(opened.route)};
}

bool Router::apply_pending() {
  if (!pending_) return false;
  Request request = std::move(*pending_);
  pending_.reset();
  const Screen* before = current();
  switch (request.kind) {
    case Request::Kind::Push:
      if (Entry entry = open(request.routes.front()); entry.screen) stack_.push_back(std::move(entry));
      break;
    case Request::Kind::Replace:
      if (Entry entry = open(request.routes.front()); entry.screen) {
        if (!stack_.empty()) stack_.pop_back();
        stack_.push_back(std::move(entry));
      }
      break;
    case Request::Kind::Back:
      if (stack_.size() > 1) stack_.pop_back();
      break;
    case Request::Kind::Home:
      if (!stack_.empty() && stack_.front().route == "home") stack_.resize(1);
      else {
        stack_.clear();
        if (Entry entry = open("home"); entry.screen) stack_.push_back(std::move(entry));
      }
      break;
    case Request::Kind::Reset: {
      std::vector<Entry> fresh;
      for (const auto& route : request.routes)
        if (Entry entry = open(route); entry.screen) fresh.push_back(std::move(entry));
      if (!fresh.empty()) stack_ = std::move(fresh);
      break;
    }
  }
  return current() != before;
}

}  // namespace openday::ui
