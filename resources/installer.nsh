; ConfBar's NSIS additions (electron-builder.yml: nsis.include).
; Registers confbar:// so a CRM link such as confbar://call/<ucid> opens ConfBar, for the installing user or,
; in a per-machine install, for everyone (SHELL_CONTEXT follows the install mode). Runs for silent installs
; (/S) too, and the keys are removed on uninstall.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar" "" "URL:ConfBar call link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\confbar"
!macroend
