# Install layout (issue 16): the binary in <prefix>/bin, the shipped assets and the fonts folder
# in <prefix>/share/openday, the administrator's config as /etc/openday/openday.toml.
# The binary finds share/openday next to its own bin folder (see app/core/util/paths.cpp), so no
# install path is baked into it. Install into a staging root with DESTDIR.
include(GNUInstallDirs)
# cmake --install and cpack install what is built (build the openday target first); they do not
# rebuild every test program on the way.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

set(OPENDAY_CONFIG_INSTALL_DIR "/etc/openday" CACHE PATH "Where the administrator's openday.toml is installed (absolute)")
set(OPENDAY_SHARE_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/openday")

install(TARGETS openday RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY assets/content assets/quiz DESTINATION ${OPENDAY_SHARE_INSTALL_DIR})
# The shipped default config, kept beside the assets as the reference copy...
install(FILES assets/openday.toml DESTINATION ${OPENDAY_SHARE_INSTALL_DIR})
# ...and the one the kiosk reads, which the package marks as a conffile.
install(FILES assets/openday.toml DESTINATION ${OPENDAY_CONFIG_INSTALL_DIR})
install(DIRECTORY fonts DESTINATION ${OPENDAY_SHARE_INSTALL_DIR})
install(FILES assets/deploy/systemd/openday-kiosk.service DESTINATION lib/systemd/system)
# The booth hub (issue 32): a drop-in that runs Debian's nats-server with hub init's config.
install(FILES assets/deploy/systemd/nats-server.service.d/openday-hub.conf DESTINATION lib/systemd/system/nats-server.service.d)
install(PROGRAMS assets/deploy/openday-session DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/openday)
install(FILES assets/deploy/debian/copyright README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# A native Debian package carries its changelog, gzipped, in the doc folder.
# gzip -9n: best compression and no timestamp, so that the package builds reproducibly.
execute_process(COMMAND gzip -9nc "${CMAKE_CURRENT_SOURCE_DIR}/assets/deploy/debian/changelog"
                OUTPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz" COMMAND_ERROR_IS_FATAL ANY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS assets/deploy/debian/changelog)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz" DESTINATION ${CMAKE_INSTALL_DOCDIR})
