#pragma once
// A fingerprint of the picture one ImGui frame asks to draw, so that a frame that would put the
// same pixels on the canvas again need not be rasterised (web_platform.cpp).

#include <cstdint>

#include "imgui.h"

namespace herreg::platform {

// Hashes everything that decides the pixels: the display's position, size and scale, the
// colour the canvas is cleared with, and each draw list's vertices, indices and commands (clip
// rectangle, texture, offsets, element count). Equal pictures give equal hashes; a different
// picture gives a different one except by a 64-bit collision. Draw callbacks are hashed by
// address only (herreg uses none).
std::uint64_t picture_hash(const ImDrawData& data, const ImVec4& clear_colour);

}  // namespace herreg::platform
