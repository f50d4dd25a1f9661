// Documents shared by the LSP tests. Written for these tests (not from the corpus).

/** A DM 1.2 client message: statuses for SyncHdr, a Get (404) and a Replace (1200: wrong family). */
export const MESSAGE = `<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1</SessionID>
    <MsgID>2</MsgID>
    <Target><LocURI>https://dm.example.com/</LocURI></Target>
    <Source><LocURI>IMEI:001004FF1234567</LocURI></Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Get</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>1200</Data>
    </Status>
    <Final/>
  </SyncBody>
</SyncML>
`;

/** The same message with no mistakes (the Replace answered 200). */
export const CLEAN_MESSAGE = MESSAGE.replace('<Data>1200</Data>', '<Data>200</Data>');

/** A FUMO Generic Alert reporting 404 (Failed Firmware Update Package Validation). */
export const FUMO_ALERT = `<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>5</SessionID>
    <MsgID>1</MsgID>
    <Target><LocURI>https://dm.example.com/</LocURI></Target>
    <Source><LocURI>IMEI:001004FF1234567</LocURI></Source>
  </SyncHdr>
  <SyncBody>
    <Alert>
      <CmdID>2</CmdID>
      <Data>1226</Data>
      <Correlator>abc123</Correlator>
      <Item>
        <Source><LocURI>./FwUpdate/Pkg1/Update</LocURI></Source>
        <Meta>
          <Type xmlns="syncml:metinf">org.openmobilealliance.dm.firmwareupdate.update</Type>
          <Format xmlns="syncml:metinf">int</Format>
          <Mark xmlns="syncml:metinf">critical</Mark>
        </Meta>
        <Data>404</Data>
      </Item>
    </Alert>
    <Final/>
  </SyncBody>
</SyncML>
`;

/** A plain XML document that is neither SyncML nor a DM tree. */
export const OTHER_XML = `<?xml version="1.0"?>
<project>
  <Status>
    <Cmd>Get</Cmd>
    <Data>1200</Data>
  </Status>
</project>
`;

/** A small DDF (MgmtTree). */
export const DDF = `<?xml version="1.0" encoding="UTF-8"?>
<MgmtTree>
  <VerDTD>1.2</VerDTD>
  <Node>
    <NodeName>FwUpdate</NodeName>
    <DFProperties>
      <AccessType><Get/></AccessType>
      <DFFormat><node/></DFFormat>
    </DFProperties>
  </Node>
</MgmtTree>
`;
