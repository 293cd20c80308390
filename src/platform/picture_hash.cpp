#include "platform/picture_hash.h"

#include <cstddef>
#include <cstring>

namespace herreg::platform {
namespace {

// Word by word (a frame is some hundred kilobytes of vertices: byte-wise FNV would cost more
// than the rest of the check), each word mixed in with a multiply and a rotation.
class Hasher {
public:
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (; size >= 8; p += 8, size -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        if (size > 0) std::memcpy(&tail, p, size);
        word(tail ^ (static_cast<std::uint64_t>(size) << 56));
    }
    template <typename T>
    void value(const T& v) { bytes(&v, sizeof v); }
    std::uint64_t result() const {
        std::uint64_t h = h_;  // final avalanche (MurmurHash3's fmix64)
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        return h ^ (h >> 33);
    }

private:
    void word(std::uint64_t w) {
        w *= 0x87c37b91114253d5ULL;
        w = (w << 31) | (w >> 33);
        h_ ^= w * 0x4cf5ad432745937fULL;
        h_ = ((h_ << 27) | (h_ >> 37)) * 5 + 0x52dce729;
    }
    std::uint64_t h_ = 0x9e3779b97f4a7c15ULL;
};

}  // namespace

std::uint64_t picture_hash(const ImDrawData& data, const ImVec4& clear_colour) {
    Hasher h;
    h.value(data.DisplayPos);
    h.value(data.DisplaySize);
    h.value(data.FramebufferScale);
    h.value(clear_colour);
    h.value(data.CmdListsCount);
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        h.value(list.VtxBuffer.Size);
        h.bytes(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.size_in_bytes()));
        h.value(list.IdxBuffer.Size);
        h.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.size_in_bytes()));
        h.value(list.CmdBuffer.Size);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            h.value(cmd.ClipRect);
            h.value(cmd.TextureId);
            h.value(cmd.VtxOffset);
            h.value(cmd.IdxOffset);
            h.value(cmd.ElemCount);
            h.value(cmd.UserCallback);
        }
    }
    return h.result();
}

}  // namespace herreg::platform
