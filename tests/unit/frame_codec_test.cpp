#include "protocol/frame_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "protocol/wire.pb.h"

namespace hegemon::net {
namespace {

using Status = FrameReader::Status;

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out += ' ';
    out += digits[c >> 4];
    out += digits[c & 0xf];
  }
  return out;
}

std::vector<pb::ClientMessage> sample_messages() {
  std::vector<pb::ClientMessage> messages(4);
  messages[0].set_request_id(1);
  auto& hello = *messages[0].mutable_hello();
  hello.set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  hello.set_client_name("hegemon-client");
  hello.set_player_name("Ada");
  messages[1].set_request_id(2);
  messages[1].mutable_list_matches();
  messages[2].set_request_id(3);
  auto& submit = *messages[2].mutable_submit_orders();
  submit.set_match_id(7);
  submit.set_ready(true);
  submit.mutable_orders()->set_state("linnmark");
  submit.mutable_orders()->set_turn(4);
  // A body over 127 bytes, so its length takes two varint bytes.
  messages[3].set_request_id(4);
  messages[3].mutable_send_chat()->set_text(std::string(300, 'x'));
  return messages;
}

std::string encode_all(const std::vector<pb::ClientMessage>& messages) {
  std::string stream;
  for (const auto& message : messages) stream += encode_frame(message);
  return stream;
}

TEST(FrameCodec, EncodesTheDelimitedFormat) {
  pb::ClientMessage list;
  list.set_request_id(1);
  list.mutable_list_matches();
  EXPECT_EQ(hex(encode_frame(list)), "04 08 01 5a 00");

  // The example frame of protocol/README.md.
  pb::ClientMessage hello;
  hello.set_request_id(1);
  hello.mutable_hello()->set_protocol_version(1);
  hello.mutable_hello()->set_client_name("py");
  hello.mutable_hello()->set_player_name("Ada");
  EXPECT_EQ(hex(encode_frame(hello)), "0f 08 01 52 0b 08 01 12 02 70 79 1a 03 41 64 61");

  const std::string long_frame = encode_frame(sample_messages()[3]);
  ASSERT_GT(long_frame.size(), 130u);
  const std::size_t body = long_frame.size() - 2;
  EXPECT_EQ(static_cast<unsigned char>(long_frame[0]), (body & 0x7f) | 0x80);
  EXPECT_EQ(static_cast<unsigned char>(long_frame[1]), body >> 7);
}

TEST(FrameCodec, RoundTripAllAtOnce) {
  const auto messages = sample_messages();
  FrameReader reader;
  reader.feed(encode_all(messages));
  for (const auto& expected : messages) {
    pb::ClientMessage got;
    ASSERT_EQ(reader.next(got), Status::Frame);
    EXPECT_EQ(got.SerializeAsString(), expected.SerializeAsString());
  }
  pb::ClientMessage none;
  EXPECT_EQ(reader.next(none), Status::NeedMore);
  EXPECT_EQ(reader.buffered(), 0u);
}

TEST(FrameCodec, RoundTripByteByByte) {
  const auto messages = sample_messages();
  const std::string stream = encode_all(messages);
  FrameReader reader;
  std::vector<pb::ClientMessage> got;
  for (char byte : stream) {
    reader.feed(std::string_view(&byte, 1));
    pb::ClientMessage message;
    Status status;
    while ((status = reader.next(message)) == Status::Frame) {
      got.push_back(message);
      message.Clear();
    }
    ASSERT_EQ(status, Status::NeedMore);
  }
  ASSERT_EQ(got.size(), messages.size());
  for (std::size_t i = 0; i < messages.size(); ++i)
    EXPECT_EQ(got[i].SerializeAsString(), messages[i].SerializeAsString()) << "frame " << i;
}

TEST(FrameCodec, EmptyMessageIsAFrame) {
  FrameReader reader;
  reader.feed(std::string("\x00", 1));
  pb::ServerMessage message;
  EXPECT_EQ(reader.next(message), Status::Frame);
  EXPECT_EQ(message.request_id(), 0u);
  EXPECT_EQ(message.body_case(), pb::ServerMessage::BODY_NOT_SET);
}

TEST(FrameCodec, NeedMoreOnPartialFrames) {
  const std::string frame = encode_frame(sample_messages()[3]);  // two-byte length prefix
  pb::ClientMessage message;
  FrameReader empty;
  EXPECT_EQ(empty.next(message), Status::NeedMore);

  FrameReader half_prefix;
  half_prefix.feed(frame.substr(0, 1));
  EXPECT_EQ(half_prefix.next(message), Status::NeedMore);

  FrameReader prefix_only;
  prefix_only.feed(frame.substr(0, 2));
  EXPECT_EQ(prefix_only.next(message), Status::NeedMore);

  FrameReader all_but_one;
  all_but_one.feed(frame.substr(0, frame.size() - 1));
  EXPECT_EQ(all_but_one.next(message), Status::NeedMore);
  EXPECT_EQ(all_but_one.buffered(), frame.size() - 1);  // nothing consumed
  all_but_one.feed(frame.substr(frame.size() - 1));
  EXPECT_EQ(all_but_one.next(message), Status::Frame);
}

TEST(FrameCodec, TooLargeBeforeTheBodyArrives) {
  FrameReader reader;  // 1 MiB
  // 2 MiB announced: 0x200000 as a varint is 80 80 80 01. Only the prefix is fed.
  reader.feed(std::string("\x80\x80\x80\x01", 4));
  pb::ClientMessage message;
  EXPECT_EQ(reader.next(message), Status::TooLarge);
  EXPECT_EQ(reader.announced(), std::size_t{1} << 21);
  EXPECT_EQ(reader.buffered(), 4u);
}

TEST(FrameCodec, CapIsInclusive) {
  pb::ClientMessage chat;
  chat.mutable_send_chat()->set_text(std::string(40, 'y'));
  const std::string frame = encode_frame(chat);
  const std::size_t body = frame.size() - 1;

  FrameReader exact(body);
  exact.feed(frame);
  pb::ClientMessage message;
  EXPECT_EQ(exact.next(message), Status::Frame);

  FrameReader one_short(body - 1);
  one_short.feed(frame.substr(0, 1));
  EXPECT_EQ(one_short.next(message), Status::TooLarge);
  EXPECT_EQ(one_short.announced(), body);
}

TEST(FrameCodec, SixByteVarintIsMalformed) {
  FrameReader reader;
  reader.feed(std::string("\x80\x80\x80\x80\x80\x01", 6));
  pb::ClientMessage message;
  EXPECT_EQ(reader.next(message), Status::Malformed);
}

TEST(FrameCodec, FiveContinuationBytesAreMalformedAtOnce) {
  // The sixth byte has not come yet, but no valid prefix starts like this.
  FrameReader reader;
  reader.feed(std::string("\xff\xff\xff\xff\xff", 5));
  pb::ClientMessage message;
  EXPECT_EQ(reader.next(message), Status::Malformed);
}

TEST(FrameCodec, BodyThatIsNotAMessageIsMalformed) {
  pb::ClientMessage message;
  // Wire type 7 does not exist.
  FrameReader bad_tag;
  bad_tag.feed(std::string("\x03\xff\xff\xff", 4));
  EXPECT_EQ(bad_tag.next(message), Status::Malformed);

  // Field 10 (hello) claims 5 bytes but the frame ends after 1.
  FrameReader truncated_field;
  truncated_field.feed(std::string("\x03\x52\x05\x01", 4));
  EXPECT_EQ(truncated_field.next(message), Status::Malformed);

  // Plain text, as from a client that is not speaking this protocol.
  FrameReader text;
  text.feed("GET / HTTP/1.1\r\nHost: hegemon\r\n\r\n" + std::string(64, ' '));
  EXPECT_EQ(text.next(message), Status::Malformed);
}

TEST(FrameCodec, FramesAfterAGoodOneStayBuffered) {
  const auto messages = sample_messages();
  FrameReader reader;
  reader.feed(encode_frame(messages[0]) + encode_frame(messages[1]).substr(0, 2));
  pb::ClientMessage message;
  EXPECT_EQ(reader.next(message), Status::Frame);
  EXPECT_EQ(reader.buffered(), 2u);
  EXPECT_EQ(reader.next(message), Status::NeedMore);
}

TEST(FrameCodec, ReadsIntoItsOwnBufferAndKeepsNothingOnceEmpty) {
  pb::ClientMessage first, second;
  first.set_request_id(1);
  first.mutable_ping()->set_nonce(11);
  second.set_request_id(2);
  second.mutable_ping()->set_nonce(22);
  const std::string bytes = encode_frame(first) + encode_frame(second);
  FrameReader reader;
  EXPECT_EQ(reader.capacity(), 0u) << "a new reader holds no buffer";
  // The first frame and half of the second arrive, read straight into the reader.
  const std::size_t part = encode_frame(first).size() + 2;
  char* at = reader.prepare(4096);
  std::copy(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(part), at);
  reader.commit(part);
  pb::ClientMessage out;
  ASSERT_EQ(reader.next(out), Status::Frame);
  EXPECT_EQ(out.ping().nonce(), 11u);
  EXPECT_EQ(reader.next(out), Status::NeedMore);
  EXPECT_FALSE(reader.release()) << "a partial frame keeps its buffer";
  EXPECT_EQ(reader.buffered(), 2u);
  reader.feed(std::string_view(bytes).substr(part));
  ASSERT_EQ(reader.next(out), Status::Frame);
  EXPECT_EQ(out.ping().nonce(), 22u);
  EXPECT_EQ(reader.buffered(), 0u);
  EXPECT_TRUE(reader.release());
  EXPECT_EQ(reader.capacity(), 0u);
}

}  // namespace
}  // namespace hegemon::net
