# The app's own sources, without main() and without a platform: the browser app
# (cmake/web_app.cmake, with src/app/main.cpp and web_platform.cpp) and the native app tests
# (tests/app, with the headless stand-in native_platform.cpp) build the same list.
set(HERREG_APP_SOURCES
  "${CMAKE_SOURCE_DIR}/src/app/app.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/autosave.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/session.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/strings.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/theme.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/widgets.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/import_card.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/list_pager.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/view_app.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/view_welcome.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/step_register.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/step_dates.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/step_hours.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/step_activities.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/step_result.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/step_application.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/view_compare.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/view_share.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/autosave_guard.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/view_tab_conflict.cpp"
  "${CMAKE_SOURCE_DIR}/src/ui/view_rules_file.cpp")
