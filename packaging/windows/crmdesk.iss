; Inno Setup script for the crmdesk Windows installer (Inno Setup 6.3+).
; Build on Windows, from the repository root, after the frozen build:
;   make dist                  (or: .venv\Scripts\pyinstaller --noconfirm packaging\crmdesk.spec)
;   iscc /DAppVersion=0.1.0 packaging\windows\crmdesk.iss
; (AppVersion = crmdesk.__version__; README "Install" shows the one-liner.)
; Output: dist\crmdesk-<version>-setup.exe
;
; Installs per user by default (no admin rights needed; the dialog offers
; all users). The database lives in the user's data folder, not in {app}:
; uninstalling never removes anyone's data.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\crmdesk.iss
#endif

#define AppName "crmdesk"
#define ProgId "crmdesk.Spreadsheet"

[Setup]
AppId={{38578159-4320-4A32-AE2A-5707F9AB879C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=crmdesk engineers
AppComments=A desktop CRM for key-account managers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=crmdesk-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\crmdesk.ico
UninstallDisplayIcon={app}\crmdeskw.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; A running crmdesk holds its files open: ask to close it first.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "fileassoc"; Description: "Offer crmdesk in ""Open with"" for CSV, Excel and OpenDocument spreadsheets (opens the import wizard)"; GroupDescription: "File types:"

[Files]
; The PyInstaller one-folder build: crmdesk.exe (console, command line),
; crmdeskw.exe (windowed, for shortcuts and file types) and _internal\.
Source: "..\..\dist\crmdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\build\icons\crmdesk.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\crmdeskw.exe"; IconFilename: "{app}\crmdesk.ico"; Comment: "Your key accounts, offline"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\crmdeskw.exe"; IconFilename: "{app}\crmdesk.ico"; Tasks: desktopicon

[Registry]
; A ProgID that opens a spreadsheet in the import wizard, listed under
; "Open with" for each type (never taking over the user's default program).
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Spreadsheet to import into crmdesk"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\crmdesk.ico,0"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\crmdeskw.exe"" ""%1"""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.csv\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.xls\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.ods\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
; The application itself, so "Open with > Choose another app" knows its name and types.
Root: HKA; Subkey: "Software\Classes\Applications\crmdeskw.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\crmdeskw.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\crmdeskw.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\crmdeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".csv"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\crmdeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".xlsx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\crmdeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".xls"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\crmdeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".ods"; ValueData: ""

[Run]
Filename: "{app}\crmdeskw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
