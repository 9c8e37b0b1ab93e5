; Inno Setup script of WardPlan Desktop (Windows installer).
;
; Build dist\wardplan\ on Windows first (python packaging\build.py), then:
;     iscc /DAppVersion=0.1.0 packaging\wardplan.iss
; AppVersion must be the version in pyproject.toml; the installer is written to
; dist\WardPlan-Setup-<version>.exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\wardplan.iss
#endif

#define AppName "WardPlan Desktop"
#define AppExe "wardplan.exe"

[Setup]
; Never change AppId: it ties upgrades and the uninstaller to earlier installs.
AppId={{6F0B8E4C-3E51-4B8B-9C53-1D2A7B0C5E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=WardPlan
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\WardPlan
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\LICENSE
SetupIconFile=wardplan.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=WardPlan-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: wardplan.exe, wardplan-cli.exe and _internal\.
Source: "..\dist\wardplan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} - Uninstall"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (%LOCALAPPDATA%\WardPlan) is left in place on uninstall.
