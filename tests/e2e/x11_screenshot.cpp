// Saves the whole X screen as a PNG, so end-to-end tests (and people) can look at the kiosk
// while it runs. Usage: x11_screenshot FILE.png
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stb_image_write.h>

#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: x11_screenshot FILE.png\n");
    return 2;
  }
  Display* display = XOpenDisplay(nullptr);
  if (!display) {
    std::fprintf(stderr, "x11_screenshot: cannot open display\n");
    return 1;
  }
  const Window root = DefaultRootWindow(display);
  XWindowAttributes attributes{};
  XGetWindowAttributes(display, root, &attributes);
  XImage* image = XGetImage(display, root, 0, 0, static_cast<unsigned>(attributes.width),
                            static_cast<unsigned>(attributes.height), AllPlanes, ZPixmap);
  if (!image) {
    std::fprintf(stderr, "x11_screenshot: XGetImage failed\n");
    return 1;
  }
  std::vector<unsigned char> rgb(static_cast<std::size_t>(attributes.width) * static_cast<std::size_t>(attributes.height) * 3);
  std::size_t at = 0;
  for (int y = 0; y < attributes.height; ++y) {
    for (int x = 0; x < attributes.width; ++x) {
      const unsigned long pixel = XGetPixel(image, x, y);
      rgb[at++] = static_cast<unsigned char>((pixel & image->red_mask) >> 16);
      rgb[at++] = static_cast<unsigned char>((pixel & image->green_mask) >> 8);
      rgb[at++] = static_cast<unsigned char>(pixel & image->blue_mask);
    }
  }
  XDestroyImage(image);
  XCloseDisplay(display);
  if (!stbi_write_png(argv[1], attributes.width, attributes.height, 3, rgb.data(), attributes.width * 3)) {
    std::fprintf(stderr, "x11_screenshot: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
