; Trienlam — Windows installer (NSIS 3, Modern UI 2, Vietnamese and English).
;
; Built by packaging/build-windows.sh:
;   makensis -DVERSION=0.1.0 -DPAYLOAD_DIR=build/windows-amd64 \
;            -DOUTFILE=dist/trienlam-0.1.0-windows-amd64-setup.exe trienlam.nsi
; PAYLOAD_DIR holds trienlam.exe, trienlam-media.exe (the media helper),
; LICENSE.txt and THIRD_PARTY_NOTICES.txt.
;
; Installs for every user into Program Files (asks for administrator
; rights), with a Start-menu shortcut, and optionally a desktop shortcut and
; "start with Windows" (kiosk use). The uninstaller is registered in
; Add/Remove Programs and removes exactly what was installed: packs, the
; visitor log and settings (%APPDATA%\fyne\vn.trienlam.exhibit) that staff
; made are kept.
;
; Video clips need libmpv, which is not shipped (docs/media.md). District IT
; puts libmpv-2.dll (or libmpv.dll) beside setup.exe once, on the USB stick
; that goes round the halls; the installer copies it into the program
; folder as libmpv.dll, the name the media helper loads, silent install
; included.
;
; Installing over a running exhibit (a kiosk left on) first closes it: a
; running trienlam.exe cannot be replaced, and writing some files but not
; others would leave a half-replaced program. The installer asks (a silent
; install goes ahead), ends trienlam.exe and trienlam-media.exe, and stops
; without changing anything if they would not end.
;
; Silent install for district IT:   setup.exe /S [/NODESKTOP] [/AUTOSTART] [/D=C:\Path]
; Silent uninstall:                 "C:\Program Files\Trienlam\uninstall.exe" /S

Unicode true
; A 64-bit installer for a 64-bit program (Windows 10 x64 and later); it
; also runs under a 64-bit-only Wine, as in make verify-installers.
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS Win10
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass -DVERSION=MAJOR.MINOR.PATCH"
!endif
!ifndef PAYLOAD_DIR
  !error "pass -DPAYLOAD_DIR=folder holding trienlam.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "trienlam-${VERSION}-windows-amd64-setup.exe"
!endif
!ifndef ICON
  !define ICON "trienlam.ico" ; makensis runs in this folder
!endif

!define APPNAME "Trienlam"
!define EXE "trienlam.exe"
!ifndef PUBLISHER
  !define PUBLISHER "Trienlam local build (not an official release)"
!endif
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Trienlam"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
; The emblem on red beside the welcome and finish pages (cmd/icongen).
!define MUI_WELCOMEFINISHPAGE_BITMAP "welcome.bmp"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecAppName ${LANG_VIETNAMESE} "Triển lãm (bắt buộc)"
LangString SecAppName ${LANG_ENGLISH} "Trienlam (required)"
LangString SecAppDesc ${LANG_VIETNAMESE} "Chương trình Trienlam và lối tắt trong menu Start."
LangString SecAppDesc ${LANG_ENGLISH} "The Trienlam program and its Start-menu shortcut."
LangString FileTypeName ${LANG_VIETNAMESE} "Tệp triển lãm Trienlam"
LangString FileTypeName ${LANG_ENGLISH} "Trienlam exhibit"
LangString SecDesktopName ${LANG_VIETNAMESE} "Lối tắt trên màn hình nền"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopDesc ${LANG_VIETNAMESE} "Đặt biểu tượng Trienlam trên màn hình nền."
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a Trienlam icon on the desktop."
LangString SecStartupName ${LANG_VIETNAMESE} "Tự chạy khi bật máy (ki-ốt)"
LangString SecStartupName ${LANG_ENGLISH} "Start with Windows (kiosk)"
LangString SecStartupDesc ${LANG_VIETNAMESE} "Mở Trienlam ở chế độ ki-ốt mỗi khi đăng nhập Windows. Để khoá chặt máy ki-ốt, xem mục “Máy ki-ốt khoá chặt” trong Hướng dẫn cán bộ."
LangString SecStartupDesc ${LANG_ENGLISH} "Open Trienlam in kiosk mode at every Windows sign-in. To lock the kiosk PC down, see “Máy ki-ốt khoá chặt” in the staff guide."
LangString Running ${LANG_VIETNAMESE} "Trienlam đang chạy trên máy này. Trình cài đặt sẽ đóng Trienlam để thay chương trình: màn hình trưng bày tắt trong chốc lát, gói triển lãm và cài đặt không bị mất.$\r$\n$\r$\nBấm OK để đóng Trienlam và cài tiếp, hoặc Cancel để dừng cài đặt."
LangString Running ${LANG_ENGLISH} "Trienlam is running on this PC. Setup will close it to replace the program: the exhibit's screen goes off for a moment; packs and settings are kept.$\r$\n$\r$\nClick OK to close Trienlam and continue, or Cancel to stop."
LangString CannotClose ${LANG_VIETNAMESE} "Không đóng được Trienlam. Hãy thoát Trienlam (ở chế độ ki-ốt: bấm “Dành cho cán bộ” rồi nhập mã PIN), sau đó bấm Retry. Bấm Cancel để dừng: chương trình cũ được giữ nguyên."
LangString CannotClose ${LANG_ENGLISH} "Trienlam could not be closed. Leave Trienlam (in kiosk mode: “Staff”, then the PIN), then click Retry. Click Cancel to stop: the installed program stays as it was."
LangString Closing ${LANG_VIETNAMESE} "Đang đóng Trienlam đang chạy…"
LangString Closing ${LANG_ENGLISH} "Closing the running Trienlam…"
LangString CopyLibMPV ${LANG_VIETNAMESE} "Chép thư viện phát phim $0 (đặt cạnh trình cài đặt) vào thư mục chương trình"
LangString CopyLibMPV ${LANG_ENGLISH} "Copying the video library $0 (found beside setup) into the program folder"
LangString NeedWin10 ${LANG_VIETNAMESE} "Trienlam cần Windows 10 trở lên (bản 64-bit)."
LangString NeedWin10 ${LANG_ENGLISH} "Trienlam needs Windows 10 or later (64-bit)."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APPNAME} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "GPL-3.0-or-later"

; InUse sets $R9 to 1 when FILE exists and cannot be opened for writing:
; Windows locks the file of a running program.
!macro InUse FILE
  ${If} ${FileExists} "${FILE}"
    ClearErrors
    FileOpen $R8 "${FILE}" a
    ${If} ${Errors}
      StrCpy $R9 1
    ${Else}
      FileClose $R8
    ${EndIf}
  ${EndIf}
!macroend

; The installer and the uninstaller (whose functions must start with
; "un.") both close a running exhibit first.
!macro CloseFunctions UN
; ProgramInUse sets $R9 to 1 while the installed exhibit or its media
; helper runs, in any user's session, else 0.
Function ${UN}ProgramInUse
  StrCpy $R9 0
  !insertmacro InUse "$INSTDIR\${EXE}"
  !insertmacro InUse "$INSTDIR\trienlam-media.exe"
FunctionEnd

; CloseRunningExhibit makes sure no installed program runs before any file
; is replaced. Ending the processes loses nothing: packs, settings and the
; visitor log are written as they change. Every trienlam.exe is ended at
; once, so a kiosk's supervisor cannot start the exhibit again. If they
; will not end, staff are asked to leave Trienlam themselves; cancelling
; (the default of a silent install) stops with nothing changed.
Function ${UN}CloseRunningExhibit
  Call ${UN}ProgramInUse
  ${If} $R9 == 0
    Return
  ${EndIf}
  MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDOK IDOK close
  DetailPrint "Trienlam is running; cancelled, nothing changed."
  SetErrorLevel 2
  Abort
close:
  DetailPrint "$(Closing)"
  StrCpy $R7 0
  ${Do}
    nsExec::ExecToLog '"$SYSDIR\taskkill.exe" /F /IM ${EXE}'
    Pop $R6
    nsExec::ExecToLog '"$SYSDIR\taskkill.exe" /F /IM trienlam-media.exe'
    Pop $R6
    Sleep 1000
    Call ${UN}ProgramInUse
    ${If} $R9 == 0
      DetailPrint "Trienlam closed."
      Return
    ${EndIf}
    IntOp $R7 $R7 + 1
  ${LoopUntil} $R7 >= 5
  MessageBox MB_RETRYCANCEL|MB_ICONSTOP "$(CannotClose)" /SD IDCANCEL IDRETRY close
  DetailPrint "Trienlam could not be closed; nothing changed."
  SetErrorLevel 2
  Abort
FunctionEnd
!macroend
!insertmacro CloseFunctions ""
!insertmacro CloseFunctions "un."

Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetShellVarContext all
  ; Before anything is written: no half-replaced program.
  Call CloseRunningExhibit
  SetOverwrite on
  AllowSkipFiles off
  SetOutPath "$INSTDIR"
  File "${PAYLOAD_DIR}/${EXE}"
  File "${PAYLOAD_DIR}/trienlam-media.exe"
  File "${PAYLOAD_DIR}/LICENSE.txt"
  File "${PAYLOAD_DIR}/THIRD_PARTY_NOTICES.txt"
  ; libmpv for video clips, if district IT put it beside setup.exe
  ; (mpv's builds name it libmpv-2.dll; the helper loads libmpv.dll). The
  ; uninstaller removes it only if it came this way.
  StrCpy $0 ""
  ${If} ${FileExists} "$EXEDIR\libmpv-2.dll"
    StrCpy $0 "libmpv-2.dll"
  ${ElseIf} ${FileExists} "$EXEDIR\libmpv.dll"
    StrCpy $0 "libmpv.dll"
  ${EndIf}
  ${If} $0 != ""
    DetailPrint "$(CopyLibMPV)"
    ClearErrors
    CopyFiles /SILENT "$EXEDIR\$0" "$INSTDIR\libmpv.dll"
    ${IfNot} ${Errors}
      WriteRegDWORD HKLM "${UNINSTKEY}" "LibMPVCopied" 1
    ${EndIf}
  ${EndIf}
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME} ${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"

  ; .trienlam exhibit files open with the exhibit (a running one is handed
  ; the file): a ProgID with the program's icon.
  WriteRegStr HKLM "Software\Classes\.trienlam" "" "Trienlam.Exhibit"
  WriteRegStr HKLM "Software\Classes\.trienlam" "Content Type" "application/x-trienlam"
  WriteRegStr HKLM "Software\Classes\Trienlam.Exhibit" "" "$(FileTypeName)"
  WriteRegStr HKLM "Software\Classes\Trienlam.Exhibit\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKLM "Software\Classes\Trienlam.Exhibit\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Section /o "$(SecStartupName)" SecStartup
  SetShellVarContext all
  ; In kiosk mode: full screen, left only with the staff PIN, restarted
  ; after a crash.
  CreateShortcut "$SMSTARTUP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "--kiosk" "$INSTDIR\${EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(SecAppDesc)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(SecDesktopDesc)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartup} $(SecStartupDesc)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  SetRegView 64
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "$(NeedWin10)" /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}
  ; Options of a silent install: /NODESKTOP, /AUTOSTART.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/AUTOSTART" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecStartup}
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Call un.CloseRunningExhibit
  ; Only what the installer put there; staff's packs and notes in the
  ; folder, and settings in %APPDATA%, stay.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\trienlam-media.exe"
  ; libmpv.dll goes if the installer copied it from beside setup.exe; if
  ; staff added it by hand for video (docs/media.md), it stays.
  ReadRegDWORD $0 HKLM "${UNINSTKEY}" "LibMPVCopied"
  ${If} $0 == 1
    Delete "$INSTDIR\libmpv.dll"
  ${EndIf}
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD_PARTY_NOTICES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$SMSTARTUP\${APPNAME}.lnk"
  DeleteRegKey HKLM "${UNINSTKEY}"
  ; The file association, only if it is still ours.
  ReadRegStr $0 HKLM "Software\Classes\.trienlam" ""
  ${If} $0 == "Trienlam.Exhibit"
    DeleteRegKey HKLM "Software\Classes\.trienlam"
  ${EndIf}
  DeleteRegKey HKLM "Software\Classes\Trienlam.Exhibit"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
