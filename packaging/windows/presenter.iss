; Inno Setup script for Presenter's per-user Windows installer: no administrator rights.
; Built by packaging/build.py when Inno Setup's `iscc` is on the PATH, which passes
; /DAppVersion, /DSourceDir (the frozen folder, dist\presenter) and /DOutputDir.
; It installs under the user's own profile (%LOCALAPPDATA%\Programs\Presenter), adds a
; Start-menu shortcut and an uninstaller (Settings > Apps), and writes nothing else.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1C3C2A-4E0B-4C8E-9A51-2B7D0E5A9C41}
AppName=Presenter
AppVersion={#AppVersion}
AppPublisher=The Presenter authors
DefaultDirName={localappdata}\Programs\Presenter
DefaultGroupName=Presenter
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
OutputDir={#OutputDir}
OutputBaseFilename=presenter-{#AppVersion}-windows-setup
SetupIconFile=..\icons\presenter.ico
UninstallDisplayIcon={app}\presenter.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\Presenter"; Filename: "{app}\presenter.exe"; IconFilename: "{app}\presenter.exe"
Name: "{userdesktop}\Presenter"; Filename: "{app}\presenter.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "A shortcut on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\presenter.exe"; Description: "Open Presenter"; Flags: nowait postinstall skipifsilent
