; ConfBar's NSIS additions (electron-builder.yml: nsis.include).
; Registers confbar:// so a CRM link such as confbar://call/<ucid> opens ConfBar, and declares tel: and
; callto: (see below), for the installing user or, in a per-machine install, for everyone (SHELL_CONTEXT
; follows the install mode). Runs for silent installs (/S) too, and the keys are removed on uninstall.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar" "" "URL:ConfBar call link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\confbar\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'

  ; tel: and callto: are declared, never taken: the URL associations below make ConfBar appear in
  ; Settings > Default apps, where the agent (or ConfBar, when "Open phone links" is on) chooses it.
  WriteRegStr SHELL_CONTEXT "Software\Classes\ConfBar.PhoneLink" "" "ConfBar phone link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\ConfBar.PhoneLink\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\ConfBar.PhoneLink\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\ConfBar\Capabilities" "ApplicationName" "ConfBar"
  WriteRegStr SHELL_CONTEXT "Software\ConfBar\Capabilities" "ApplicationDescription" "Conference toolbar for Ozonetel CloudAgent agents"
  WriteRegStr SHELL_CONTEXT "Software\ConfBar\Capabilities\URLAssociations" "tel" "ConfBar.PhoneLink"
  WriteRegStr SHELL_CONTEXT "Software\ConfBar\Capabilities\URLAssociations" "callto" "ConfBar.PhoneLink"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "ConfBar" "Software\ConfBar\Capabilities"
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\confbar"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\ConfBar.PhoneLink"
  DeleteRegKey SHELL_CONTEXT "Software\ConfBar\Capabilities"
  DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "ConfBar"
!macroend
